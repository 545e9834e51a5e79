import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Starts the gateway as `npm start` does (embedded Postgres on a data
 * directory kept from one start to the next, the simulator, the demo tenant)
 * again and again: each start must listen, answer /health, and stop on
 * SIGTERM. Every few starts the SIGTERM arrives during start-up instead, at
 * a different moment each time, and the process must still end.
 *
 *   node bench/dist/startup-loop.js [--starts 100] [--startup-timeout 60] [--stop-timeout 5] [--interrupt-every 5]
 */

const CLI = resolve(__dirname, '..', '..', 'packages', 'server', 'dist', 'cli.js');

interface LoopOptions {
  starts: number;
  startupTimeoutMs: number;
  stopTimeoutMs: number;
  /** Every n-th start is interrupted during start-up; 0 never. */
  interruptEvery: number;
}

type Outcome =
  | { kind: 'up'; listenMs: number; stopMs: number }
  | { kind: 'interrupted'; afterMs: number; lastStep: string; stopMs: number }
  | { kind: 'failed'; why: string; log: string };

function parseOptions(argv: string[]): LoopOptions {
  const options: LoopOptions = { starts: 100, startupTimeoutMs: 60000, stopTimeoutMs: 5000, interruptEvery: 5 };
  for (let i = 0; i < argv.length; i += 1) {
    const value = Number(argv[i + 1]);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${argv[i]} needs a number`);
    switch (argv[i]) {
      case '--starts':
        options.starts = value;
        break;
      case '--startup-timeout':
        options.startupTimeoutMs = value * 1000;
        break;
      case '--stop-timeout':
        options.stopTimeoutMs = value * 1000;
        break;
      case '--interrupt-every':
        options.interruptEvery = value;
        break;
      default:
        throw new Error(`unknown argument ${argv[i]}`);
    }
    i += 1;
  }
  return options;
}

/** One start: resolves once it has listened and stopped, been interrupted and stopped, or failed. */
function oneStart(dataDir: string, options: LoopOptions, interruptAfterMs: number | null): Promise<Outcome> {
  return new Promise((resolveOutcome) => {
    const started = Date.now();
    const child = spawn(process.execPath, [CLI, 'start'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so that a start that fails is killed with the Postgres it started.
      detached: true,
      env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', SIM_PORT: '0', LOG_LEVEL: 'info' },
    });
    let log = '';
    let settled = false;
    let stopAsked = 0;
    const timers: NodeJS.Timeout[] = [];
    const finish = (outcome: Outcome): void => {
      if (settled) return;
      settled = true;
      for (const timer of timers) clearTimeout(timer);
      if (outcome.kind === 'failed') killGroup(child.pid);
      resolveOutcome(outcome);
    };
    const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
    const stop = (then: (stopMs: number) => Outcome): void => {
      stopAsked = Date.now();
      child.kill('SIGTERM');
      timers.push(setTimeout(() => finish({ kind: 'failed', why: `still running ${options.stopTimeoutMs} ms after SIGTERM`, log }), options.stopTimeoutMs));
      void exited.then(() => {
        // A stop is the gateway's own: exit 0, not the signal's default action.
        if (child.exitCode !== 0) finish({ kind: 'failed', why: `ended by SIGTERM with ${child.exitCode ?? child.signalCode}, not exit 0`, log });
        else finish(then(Date.now() - stopAsked));
      });
    };
    let interruptArmed = false;
    const onOutput = (chunk: Buffer): void => {
      log += chunk.toString();
      if (stopAsked || settled) return;
      // The interruption counts from the gateway's first log line: before it, Node is still loading the gateway.
      if (interruptAfterMs !== null && !interruptArmed && log.includes('"msg":"starting"')) {
        interruptArmed = true;
        timers.push(
          setTimeout(() => {
            if (stopAsked || settled) return;
            const steps = [...log.matchAll(/"msg":"([^"]+)"/g)].map((match) => match[1]!);
            stop((stopMs) => ({ kind: 'interrupted', afterMs: interruptAfterMs, lastStep: steps[steps.length - 1] ?? '', stopMs }));
          }, interruptAfterMs),
        );
      }
      const listening = /"url":"(http:\/\/[^"]+)","msg":"pbx-gateway listening"/.exec(log);
      if (!listening) return;
      const listenMs = Date.now() - started;
      fetch(`${listening[1]}/health`).then(
        async (response) => {
          const body = await response.text();
          if (response.status !== 200) finish({ kind: 'failed', why: `/health answered ${response.status} ${body}`, log });
          else stop((stopMs) => ({ kind: 'up', listenMs, stopMs }));
        },
        (error: Error) => finish({ kind: 'failed', why: `/health: ${error.message}`, log }),
      );
    };
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
    void exited.then(() => {
      if (!stopAsked) finish({ kind: 'failed', why: `exited by itself with ${child.exitCode ?? child.signalCode}`, log });
    });
    timers.push(setTimeout(() => finish({ kind: 'failed', why: `did not listen within ${options.startupTimeoutMs} ms`, log }), options.startupTimeoutMs));
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function summary(values: number[]): string {
  if (values.length === 0) return '-';
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `min ${sorted[0]} ms, median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${sorted[sorted.length - 1]} ms`;
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const dataDir = mkdtempSync(join(tmpdir(), 'pbx-gateway-startup-loop-'));
  // Postgres runs as its own system user when this runs as root: it must reach the cluster.
  chmodSync(dataDir, 0o755);
  const outcomes: Outcome[] = [];
  try {
    for (let i = 0; i < options.starts; i += 1) {
      // The interruptions sweep the start-up, from its first log line to about when it listens; the first start (initdb) is not interrupted.
      const interrupt = options.interruptEvery > 0 && i > 0 && i % options.interruptEvery === 0 ? (i * 1297) % 9000 : null;
      const outcome = await oneStart(dataDir, options, interrupt);
      outcomes.push(outcome);
      const line =
        outcome.kind === 'up'
          ? `listened after ${outcome.listenMs} ms, stopped in ${outcome.stopMs} ms`
          : outcome.kind === 'interrupted'
            ? `SIGTERM ${outcome.afterMs} ms after its first log line (last step: ${outcome.lastStep}), exit 0 in ${outcome.stopMs} ms`
            : `FAILED: ${outcome.why}\n${outcome.log.split('\n').slice(-15).join('\n')}`;
      process.stdout.write(`start ${i + 1}/${options.starts}: ${line}\n`);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const up = outcomes.filter((o): o is Extract<Outcome, { kind: 'up' }> => o.kind === 'up');
  const interrupted = outcomes.filter((o): o is Extract<Outcome, { kind: 'interrupted' }> => o.kind === 'interrupted');
  const failed = outcomes.filter((o) => o.kind === 'failed');
  process.stdout.write(
    [
      `${outcomes.length} starts: ${up.length} came up and stopped, ${interrupted.length} interrupted during start-up and ended, ${failed.length} failed`,
      `first start (initdb): ${outcomes[0]?.kind === 'up' ? `${outcomes[0].listenMs} ms` : '-'}`,
      `later starts, start to listening: ${summary(up.slice(1).map((o) => o.listenMs))}`,
      `SIGTERM to exit after listening: ${summary(up.map((o) => o.stopMs))}`,
      `SIGTERM to exit during start-up: ${summary(interrupted.map((o) => o.stopMs))}`,
    ].join('\n') + '\n',
  );
  return failed.length === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
