/**
 * Bounds a promise in time. ari-client's HTTP layer has no timeout of its own
 * and can leave a request unsettled forever (see keep-alive-guard.ts), so
 * every REST call and every connection step goes through here: nothing the
 * adapter awaits can wait longer than its deadline.
 */
export function withDeadline<T>(work: Promise<T>, timeoutMs: number, onTimeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), timeoutMs);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
