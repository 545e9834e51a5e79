import { closeSync, copyFileSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import type { ProvisioningDocument } from '@pbx-gateway/server';
import { spawnChild, type Child } from './child-processes';
import { HEAP_SNAPSHOT_SIGNAL } from './heap-snapshot';

export interface GatewayLaunch {
  databaseUrl: string;
  ariUrl: string;
  ariUser: string;
  ariPassword: string;
  provisioning: ProvisioningDocument;
  config: Record<string, unknown>;
  /** Run under `node --cpu-prof`, writing the profile here when the gateway stops. */
  cpuProfileDir?: string;
  /** Have the gateway write a heap snapshot here on HEAP_SNAPSHOT_SIGNAL. */
  heapSnapshotDir?: string;
  /** Where the gateway's log is copied when it stops (for reading what went wrong). */
  keepLogAt: string;
  startTimeoutMs: number;
}

export interface RunningGatewayProcess {
  url: string;
  pid: number;
  /** When the process was started (wall clock, ms). */
  spawnedAt: number;
  /** Milliseconds from spawn to "pbx-gateway listening" (migrations, provisioning, sessions). */
  startupMs: number;
  /** Log lines at warn level or above, counted by message, plus the process's stray output. */
  logSummary(): LogSummary;
  /** Graceful stop (SIGTERM), as production stops it; returns the exit code. */
  stop(): Promise<number | string>;
}

export interface LogSummary {
  lines: number;
  warnings: Record<string, number>;
  errors: Record<string, number>;
}

const LAUNCHER = resolve(__dirname, '..', '..', '..', 'packages', 'server', 'bin', 'pbx-gateway');

/**
 * The gateway as production runs it: the real CLI in its own process, at the
 * production log level, its JSON log written to a file (as a service manager
 * would keep it) rather than parsed by the bench while it measures.
 */
export async function launchGateway(launch: GatewayLaunch): Promise<RunningGatewayProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'pbx-gateway-bench-'));
  const provisioningFile = join(dir, 'provisioning.yaml');
  const configFile = join(dir, 'config.yaml');
  const logFile = join(dir, 'gateway.log');
  writeFileSync(provisioningFile, stringify(launch.provisioning));
  writeFileSync(configFile, stringify(launch.config));
  const log = openSync(logFile, 'a');
  // Node refuses --cpu-prof in NODE_OPTIONS: the launcher passes it on the command line, next to its own flag.
  const flags = [
    ...(launch.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${launch.cpuProfileDir}`] : []),
    ...(launch.heapSnapshotDir ? [`--heapsnapshot-signal=${HEAP_SNAPSHOT_SIGNAL}`, `--diagnostic-dir=${launch.heapSnapshotDir}`] : []),
  ];
  const diagnostics = flags.length > 0 ? { PBX_GATEWAY_DIAGNOSTIC_FLAGS: flags.join(' ') } : {};
  // The launcher's node flags are the production ones unless the bench itself is run with others (to compare them).
  const nodeFlags = process.env.PBX_GATEWAY_NODE_FLAGS ? { PBX_GATEWAY_NODE_FLAGS: process.env.PBX_GATEWAY_NODE_FLAGS } : {};
  const started = Date.now();
  let child: Child;
  try {
    child = spawnChild(LAUNCHER, ['start'], {
      stdio: ['ignore', log, log],
      env: {
        PATH: process.env.PATH ?? '',
        ...nodeFlags,
        ...diagnostics,
        DATABASE_URL: launch.databaseUrl,
        ARI_URL: launch.ariUrl,
        ARI_USER: launch.ariUser,
        ARI_PASSWORD: launch.ariPassword,
        DEMO: '0',
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'info',
        PROVISIONING_FILE: provisioningFile,
        CONFIG_FILE: configFile,
      },
    });
  } finally {
    closeSync(log);
  }
  const readLog = (): string => readFileSync(logFile, 'utf8');
  let url: string;
  try {
    url = await waitForListening(child, readLog, launch.startTimeoutMs);
  } catch (error) {
    await child.stop(2000);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const startupMs = Date.now() - started;
  return {
    url,
    pid: child.pid,
    spawnedAt: started,
    startupMs,
    logSummary: () => summarise(readLog()),
    async stop() {
      const code = await child.stop(20000);
      copyFileSync(logFile, launch.keepLogAt);
      rmSync(dir, { recursive: true, force: true });
      return code;
    },
  };
}

async function waitForListening(child: Child, readLog: () => string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = readLog();
    for (const line of text.split('\n')) {
      if (!line.includes('pbx-gateway listening')) continue;
      const parsed = JSON.parse(line) as { url?: string };
      if (parsed.url) return parsed.url;
    }
    if (child.process.exitCode !== null || child.process.signalCode !== null) {
      throw new Error(`the gateway exited before listening:\n${text.slice(-4000)}`);
    }
    if (Date.now() > deadline) throw new Error(`the gateway did not listen within ${timeoutMs} ms:\n${text.slice(-4000)}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

function summarise(text: string): LogSummary {
  const summary: LogSummary = { lines: 0, warnings: {}, errors: {} };
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    summary.lines++;
    let entry: { level?: number; msg?: string };
    try {
      entry = JSON.parse(line) as { level?: number; msg?: string };
    } catch {
      count(summary.errors, `(not JSON) ${line.slice(0, 120)}`);
      continue;
    }
    const level = entry.level ?? 0;
    const message = entry.msg ?? '(no message)';
    if (level >= 50) count(summary.errors, message);
    else if (level >= 40) count(summary.warnings, message);
  }
  return summary;
}

function count(tally: Record<string, number>, key: string): void {
  tally[key] = (tally[key] ?? 0) + 1;
}
