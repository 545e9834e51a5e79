import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/**
 * Every process the bench starts, so that none outlives it: they are
 * stopped when the run ends, fails, or is interrupted.
 */
const running = new Set<Child>();

export interface Child {
  process: ChildProcess;
  pid: number;
  /** Resolves with the exit code (or the signal's name) once the process is gone. */
  exited: Promise<number | string>;
  /** Everything written to stderr (kept for error messages, capped). */
  stderr(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
  stop(graceMs?: number): Promise<number | string>;
}

export function spawnChild(command: string, args: string[], options: SpawnOptions = {}): Child {
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], ...options });
  if (child.pid === undefined) throw new Error(`could not start ${command} ${args.join(' ')}`);
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-20000);
  });
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(handle);
      resolve(code ?? signal ?? 'unknown');
    });
  });
  const handle: Child = {
    process: child,
    pid: child.pid,
    exited,
    stderr: () => stderr,
    async stop(graceMs = 10000) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        const code = await exited;
        clearTimeout(timer);
        return code;
      }
      return exited;
    },
  };
  running.add(handle);
  return handle;
}

/** Reads newline-delimited output until `accept` returns a value for a line. */
export function waitForLine<T>(child: Child, accept: (line: string) => T | undefined, timeoutMs: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let rest = '';
    const stdout = child.process.stdout!;
    const onData = (chunk: Buffer | string): void => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        const value = accept(line);
        if (value !== undefined) {
          finish();
          resolve(value);
          return;
        }
      }
    };
    const onExit = (): void => {
      finish();
      reject(new Error(`${what} exited before it was ready:\n${child.stderr()}`));
    };
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`${what} was not ready within ${timeoutMs} ms:\n${child.stderr()}`));
    }, timeoutMs);
    const finish = (): void => {
      clearTimeout(timer);
      stdout.off('data', onData);
      child.process.off('exit', onExit);
    };
    stdout.on('data', onData);
    child.process.once('exit', onExit);
  });
}

/** Kills whatever is still running, at once (used on the way out, where nothing can be awaited). */
export function killAllChildrenNow(): void {
  for (const { process: child } of running) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

/** Stops whatever is still running, politely first. */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...running].map((child) => child.stop(10000)));
}
