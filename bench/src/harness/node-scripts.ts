import { join } from 'node:path';
import { spawnChild, waitForLine, type Child } from './child-processes';

/** Lines a bench process prints for its parent start with this, followed by JSON. */
export const MESSAGE_PREFIX = 'BENCH ';

/** Prints one message for the parent process. */
export function tellParent(message: unknown): void {
  process.stdout.write(`${MESSAGE_PREFIX}${JSON.stringify(message)}\n`);
}

/** The compiled bench script `processes/<name>.js`. */
export function benchScript(name: string): string {
  return join(__dirname, '..', 'processes', `${name}.js`);
}

/** Starts a bench script as its own Node process. */
export function spawnBenchScript(name: string, args: string[] = [], nodeOptions: string[] = []): Child {
  return spawnChild(process.execPath, [...nodeOptions, benchScript(name), ...args], { env: { ...process.env } });
}

/** Waits for the first message of a bench process. */
export function nextMessage<T>(child: Child, timeoutMs: number, what: string): Promise<T> {
  return waitForLine(
    child,
    (line) => (line.startsWith(MESSAGE_PREFIX) ? (JSON.parse(line.slice(MESSAGE_PREFIX.length)) as T) : undefined),
    timeoutMs,
    what,
  );
}

/** Runs a bench script that takes a JSON input on stdin and prints one JSON result, then exits. */
export async function runBenchScript<Input, Output>(name: string, input: Input, timeoutMs: number): Promise<Output> {
  const child = spawnBenchScript(name);
  child.process.stdin!.end(JSON.stringify(input));
  try {
    const result = await nextMessage<{ ok: true; result: Output } | { ok: false; error: string }>(child, timeoutMs, name);
    if (!result.ok) throw new Error(`${name}: ${result.error}`);
    return result.result;
  } finally {
    await child.stop(5000);
  }
}

/** The body of a script run by runBenchScript: reads the input, prints the result or the failure. */
export function serveOneJob<Input, Output>(job: (input: Input) => Promise<Output>): void {
  let text = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk: string) => (text += chunk));
  process.stdin.on('end', () => {
    job(JSON.parse(text) as Input).then(
      (result) => {
        tellParent({ ok: true, result });
        process.exit(0);
      },
      (error: unknown) => {
        tellParent({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
        process.exit(1);
      },
    );
  });
}
