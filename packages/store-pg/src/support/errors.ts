export const toError = (value: unknown): Error => (value instanceof Error ? value : new Error(String(value)));

/** Waits for `work` to settle, but never longer than `ms`: shutdown must not hang on a dead peer. */
export async function settleWithin(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  try {
    await Promise.race([work.then(() => undefined, () => undefined), limit]);
  } finally {
    clearTimeout(timer);
  }
}

const SQLSTATE = /^[0-9A-Z]{2}[0-9A-Z]{3}$/;
// Connection exception, insufficient resources, operator intervention, system error:
// the statement may succeed once the server is reachable again.
const TRANSIENT_CLASSES = new Set(['08', '53', '57', '58']);

/** Whether retrying the same statement later can succeed: a lost server, not a rejected row. */
export function isTransient(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && SQLSTATE.test(code) && !code.startsWith('E')) return TRANSIENT_CLASSES.has(code.slice(0, 2));
  return true;
}
