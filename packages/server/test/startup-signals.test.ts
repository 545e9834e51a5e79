import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repositoryRoot } from '@pbx-gateway/test-support';

// The CLI as `npm start` runs it: the compiled entry point (npm test builds first).
const CLI = join(repositoryRoot(), 'packages', 'server', 'dist', 'cli.js');

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  messages: string[];
  /** What the process printed, kept so that a failed expectation shows why it ended so. */
  output: string;
}

/** The exit, and the whole output when it was not the clean one (so a failure says what the process printed). */
const exit = (ended: Ended): { code: number | null; signal: NodeJS.Signals | null; output?: string } =>
  ended.code === 0 && ended.signal === null ? { code: 0, signal: null } : { code: ended.code, signal: ended.signal, output: ended.output };

/**
 * Starts `pbx-gateway start` on its embedded defaults and sends it SIGTERM
 * as soon as its log says `when`; resolves once the process has ended.
 */
function interruptedStart(dataDir: string, when: RegExp): Promise<Ended> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'start'], {
      env: { PATH: process.env.PATH, LOG_LEVEL: 'info', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', SIM_PORT: '0' },
    });
    let output = '';
    let sent = false;
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (!sent && when.test(output)) {
        sent = true;
        child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('close', (code, signal) => {
      const messages = output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => (JSON.parse(line) as { msg: string }).msg);
      resolve({ code, signal, messages, output });
    });
  });
}

describe('SIGTERM while the gateway starts', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'pbxgw-startup-signals-'));
    // Postgres may run as its own system user when the tests run as root.
    chmodSync(dataDir, 0o755);
  });

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  // In this order: the first start is interrupted before its cluster exists, the next one creates it.
  it.each([
    ['while the embedded Postgres creates its cluster', /starting embedded Postgres/],
    ['while the embedded Postgres starts on its existing cluster', /starting embedded Postgres/],
    ['while the database schema is brought up to date', /bringing the database schema up to date/],
    ['while it connects to Asterisk', /connecting to Asterisk/],
    ['while it applies the provisioning', /reconciled with telephony engine/],
  ])('%s: it stops what it had started and exits 0, never listening', async (when, logLine) => {
    if (when.includes('existing cluster')) {
      const full = await interruptedStart(dataDir, /pbx-gateway listening/);
      expect(exit(full)).toEqual({ code: 0, signal: null });
      expect(full.messages).toEqual(expect.arrayContaining(['pbx-gateway listening', 'shutting down', 'stopped']));
    }
    const ended = await interruptedStart(dataDir, logLine);
    expect(exit(ended)).toEqual({ code: 0, signal: null });
    expect(ended.messages).toContain('shutting down while starting');
    expect(ended.messages[ended.messages.length - 1]).toBe('stopped');
    expect(ended.messages).not.toContain('pbx-gateway listening');
    // Postgres removes its pid file when it has stopped: none is left running on the cluster.
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  }, 120000);

  it('leaves a cluster the next start comes up on', async () => {
    const ended = await interruptedStart(dataDir, /pbx-gateway listening/);
    expect(exit(ended)).toEqual({ code: 0, signal: null });
    expect(ended.messages).toEqual(expect.arrayContaining(['pbx-gateway listening', 'shutting down', 'stopped']));
  }, 90000);
});
