/** Something a test file opened and must not outlive it. */
export interface Closable {
  close(): Promise<void>;
}

/**
 * The whole gateways of the current test file (Jest loads modules once per
 * test file) that are still starting or open. A test that times out while its
 * gateway starts never gets the gateway to close: its HTTP server, pool and
 * engine would keep the worker alive after the file, and a single worker
 * would hang the run.
 */
const starting = new Set<Promise<Closable>>();
const open = new Set<Closable>();

/** Follows a gateway from its start until it is closed. */
export function trackGateway<T extends Closable>(start: Promise<T>): Promise<T> {
  const closable = start.then((gateway) => {
    open.add(gateway);
    return gateway;
  });
  starting.add(closable);
  const settled = (): void => {
    starting.delete(closable);
  };
  closable.then(settled, settled);
  return closable;
}

/** The gateway has closed itself: nothing is left to do for it. */
export function gatewayClosed(gateway: Closable): void {
  open.delete(gateway);
}

/** How many gateways are starting or open: zero once a file has cleaned up. */
export function gatewaysLeft(): number {
  return starting.size + open.size;
}

/** Closes every open gateway, and each still starting once its start ends (even if the caller stopped waiting). */
export async function closeLeftoverGateways(): Promise<void> {
  const closing: Promise<void>[] = [...open].map((gateway) => gateway.close());
  for (const pending of starting) {
    closing.push(
      pending.then(
        (gateway) => gateway.close(),
        () => undefined,
      ),
    );
  }
  await Promise.allSettled(closing);
}

// Every file that loads the harness gets this hook, declared while Jest collects the file: it runs after the
// file's own describe blocks, and closing twice is harmless.
const jestAfterAll = (globalThis as { afterAll?: (hook: () => Promise<void>, timeoutMs?: number) => void }).afterAll;
if (jestAfterAll !== undefined) jestAfterAll(closeLeftoverGateways, 30000);
