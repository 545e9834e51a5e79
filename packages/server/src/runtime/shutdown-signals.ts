const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export interface ShutdownSignals {
  /** Resolves with the first shutdown signal received. */
  readonly requested: Promise<NodeJS.Signals>;
  /** Aborted by the first shutdown signal: a start in progress stops at its next step. */
  readonly signal: AbortSignal;
}

/**
 * Listens for shutdown signals from the very start, so that one received
 * while starting is not lost: the start stops where it is and what had
 * started is stopped, in order. A stop that does not end within
 * `graceMs`, or a second signal, ends the process at once, so that no
 * stuck step can keep it alive once it was asked to go.
 */
export function listenForShutdown(options: { graceMs: number; onForcedExit: (reason: string) => void }): ShutdownSignals {
  const controller = new AbortController();
  let signalled: (signal: NodeJS.Signals) => void = () => undefined;
  const requested = new Promise<NodeJS.Signals>((resolve) => {
    signalled = resolve;
  });
  const forceExit = (reason: string): void => {
    options.onForcedExit(reason);
    process.exit(1);
  };
  const handler = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) {
      forceExit(`${signal} received while stopping`);
      return;
    }
    controller.abort(new Error(`${signal} received`));
    signalled(signal);
    setTimeout(() => forceExit(`not stopped ${options.graceMs} ms after ${signal}`), options.graceMs).unref();
  };
  for (const signal of SIGNALS) process.on(signal, handler);
  return { requested, signal: controller.signal };
}
