const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export interface ShutdownSignals {
  /** Resolves with the first shutdown signal received. */
  readonly requested: Promise<NodeJS.Signals>;
  /**
   * Takes the signals back from libraries that hooked them while starting
   * (the embedded Postgres stops itself and exits on SIGTERM): the gateway
   * must first finish its own work, then stop what it started, in order.
   */
  reclaim(): void;
}

/** Listens for shutdown signals from the very start, so one received while starting is not lost. */
export function listenForShutdown(): ShutdownSignals {
  let signalled: (signal: NodeJS.Signals) => void = () => undefined;
  const requested = new Promise<NodeJS.Signals>((resolve) => {
    signalled = resolve;
  });
  const handler = (signal: NodeJS.Signals): void => signalled(signal);
  for (const signal of SIGNALS) process.on(signal, handler);
  return {
    requested,
    reclaim() {
      for (const signal of SIGNALS) {
        for (const listener of process.listeners(signal)) if (listener !== handler) process.removeListener(signal, listener);
      }
    },
  };
}
