import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { ProvisioningDocument } from '@pbx-gateway/server';
import { repositoryRoot } from './reference-data';

export interface GatewayProcessOptions {
  databaseUrl: string;
  ariUrl: string;
  /** Written to a temporary file and named by PROVISIONING_FILE. */
  provisioning?: ProvisioningDocument;
  /** The YAML configuration file's content (CONFIG_FILE), as an object. */
  config?: Record<string, unknown>;
  /** More environment variables; they win over the defaults set here. */
  env?: Record<string, string>;
  /** How long to wait for the gateway to listen (ms). */
  startTimeoutMs?: number;
}

/** One line the gateway logged, as pino wrote it. */
export type GatewayLogLine = Record<string, unknown> & { level?: number; msg?: string };

/**
 * The gateway as production runs it: `node packages/server/dist/cli.js start`
 * in its own process, listening on a free loopback port. For tests that need
 * what only a real process shows: that it stays up, what it writes to its
 * logs, and how it recovers after being killed.
 */
export interface GatewayProcess {
  url: string;
  pid: number;
  /** Every JSON line the process has logged so far. */
  logs(): GatewayLogLine[];
  /** Whatever the process wrote that was not a JSON log line (stack traces, warnings). */
  strayOutput(): string;
  /** Whether the process is still running. */
  alive(): boolean;
  /** Kills the process with SIGKILL and waits for it to be gone. */
  kill(): Promise<void>;
  /** Asks for a graceful stop (SIGTERM) and waits for the exit code. */
  stop(): Promise<number | null>;
}

const CLI = join(repositoryRoot(), 'packages', 'server', 'dist', 'cli.js');

export async function startGatewayProcess(options: GatewayProcessOptions): Promise<GatewayProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'pbx-gateway-process-'));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    DATABASE_URL: options.databaseUrl,
    ARI_URL: options.ariUrl,
    ARI_USER: 'gateway',
    ARI_PASSWORD: 'gateway',
    DEMO: '0',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
  };
  if (options.provisioning) {
    const file = join(dir, 'provisioning.yaml');
    writeFileSync(file, stringify(options.provisioning));
    env.PROVISIONING_FILE = file;
  }
  if (options.config) {
    const file = join(dir, 'config.yaml');
    writeFileSync(file, stringify(options.config));
    env.CONFIG_FILE = file;
  }
  Object.assign(env, options.env);

  const child: ChildProcess = spawn(process.execPath, [CLI, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: GatewayLogLine[] = [];
  let stray = '';
  let exited = false;
  let listening: ((url: string) => void) | null = null;
  let exitedEarly: (() => void) | null = null;
  const exit = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      exited = true;
      rmSync(dir, { recursive: true, force: true });
      exitedEarly?.();
      resolve(code);
    });
  });
  const take = (chunk: string, pending: { rest: string }): void => {
    const lines = (pending.rest + chunk).split('\n');
    pending.rest = lines.pop() ?? '';
    for (const line of lines) {
      if (line.trim() === '') continue;
      try {
        const entry = JSON.parse(line) as GatewayLogLine;
        logs.push(entry);
        if (entry.msg === 'pbx-gateway listening') listening?.(String(entry.url));
      } catch {
        stray += `${line}\n`;
      }
    }
  };
  const stdout = { rest: '' };
  const stderr = { rest: '' };
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => take(chunk, stdout));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => take(chunk, stderr));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the gateway did not listen within ${options.startTimeoutMs ?? 30000} ms:\n${stray}`));
    }, options.startTimeoutMs ?? 30000);
    listening = (address) => {
      clearTimeout(timer);
      resolve(address);
    };
    exitedEarly = () => {
      clearTimeout(timer);
      reject(new Error(`the gateway exited before listening:\n${stray}`));
    };
  });
  listening = null;
  exitedEarly = null;

  return {
    url,
    pid: child.pid!,
    logs: () => [...logs],
    strayOutput: () => stray,
    alive: () => !exited,
    async kill() {
      if (!exited) child.kill('SIGKILL');
      await exit;
    },
    async stop() {
      if (!exited) child.kill('SIGTERM');
      return exit;
    },
  };
}
