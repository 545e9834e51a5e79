import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, chmodSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startPbxSim, type PbxSim } from '@pbx-gateway/pbx-sim';
import { createTestDatabase, repositoryRoot, type TestDatabase } from '@pbx-gateway/test-support';

// The CLI as `npm start` runs it: the compiled entry point (npm test builds first).
const CLI = join(repositoryRoot(), 'packages', 'server', 'dist', 'cli.js');

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<Finished> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts `pbx-gateway start` and resolves with its URL once it listens. */
function startServer(env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ child: ChildProcessWithoutNullStreams; url: string; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'start'], { env: { PATH: process.env.PATH, LOG_LEVEL: 'info', ...env } });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`gateway did not listen within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /"url":"(http:\/\/[^"]+)","msg":"pbx-gateway listening"/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`gateway exited with ${code}:\n${output}`));
    });
  });
}

function stopServer(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

async function tables(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query("select table_name from information_schema.tables where table_schema = 'public' order by 1");
    return result.rows.map((row: { table_name: string }) => row.table_name);
  } finally {
    await client.end();
  }
}

describe('the pbx-gateway command line', () => {
  let database: TestDatabase;
  let sim: PbxSim;

  beforeEach(async () => {
    database = await createTestDatabase();
    sim = await startPbxSim({ port: 0, phones: [{ resource: '1000' }, { resource: 'sip100' }] });
  });

  afterEach(async () => {
    await sim.close();
    await database.drop();
  });

  it('prints its usage, and refuses an unknown command', async () => {
    const help = await run(['--help'], {});
    expect(help.code).toBe(0);
    expect(help.stderr).toContain('usage: pbx-gateway <command>');
    const unknown = await run(['launch'], {});
    expect(unknown.code).toBe(2);
  });

  it('refuses a bad configuration with one clear line and no stack trace', async () => {
    const result = await run(['start'], { PORT: 'eighty' });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('pbx-gateway: PORT must be a port number, got eighty\n');
  });

  it('migrates a database, and provisions it from a YAML file', async () => {
    const migrated = await run(['migrate'], { DATABASE_URL: database.url, LOG_LEVEL: 'silent' });
    expect(migrated.code).toBe(0);
    expect(await tables(database.url)).toEqual(expect.arrayContaining(['agents', 'agent_sessions', 'calls', 'cdrs', 'api_log', 'outbox']));

    const dir = mkdtempSync(join(tmpdir(), 'pbxgw-cli-'));
    const file = join(dir, 'provisioning.yaml');
    writeFileSync(file, 'agents:\n  - id: "2000"\n    secret: "42"\n    device: PJSIP/2000\nsessions:\n  - agentId: "2000"\n    via: provisioning\n');
    const provisioned = await run(['provision', file], { DATABASE_URL: database.url, LOG_LEVEL: 'info' });
    expect(provisioned.code).toBe(0);
    expect(provisioned.stdout).toContain('"sessionsAtNextStart":1');
    const client = new Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query("select id, device, secret_hash from agents where id = '2000'");
    await client.end();
    expect(rows).toHaveLength(1);
    expect(rows[0].secret_hash).toMatch(/^scrypt\$/);

    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'agents:\n  - name: no id\n');
    const refused = await run(['provision', broken], { DATABASE_URL: database.url, LOG_LEVEL: 'silent' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^pbx-gateway: invalid provisioning document: .*id/);
  });

  it('starts against Postgres and Asterisk, answers, and stops cleanly on SIGTERM', async () => {
    const { child, url } = await startServer({ DATABASE_URL: database.url, ARI_URL: sim.url, PORT: '0', HOST: '127.0.0.1', DEMO: '1' }, 30000);
    try {
      const health = await fetch(`${url}/health`);
      expect(health.status).toBe(200);
      const version = await (await fetch(`${url}/agc/api.php?function=version`)).text();
      expect(version).toMatch(/^VERSION: 2\.14-82\|BUILD: 250122-1010\|DATE: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\|EPOCH: \d+\n$/);
      const listed = await (await fetch(`${url}/api/api.php?username=voipsun&password=secretpwd&action=listcalls`)).text();
      expect(JSON.parse(listed)).toMatchObject({ success: 'true' });
    } finally {
      expect(await stopServer(child)).toBe(0);
    }
  });

  it('starts on its embedded defaults alone (embedded Postgres, simulated Asterisk, demo tenant), as npm start does', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pbxgw-embedded-'));
    // Postgres may run as its own system user when the tests run as root.
    chmodSync(dataDir, 0o755);
    const { child, url } = await startServer({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', SIM_PORT: '0' }, 90000);
    try {
      const played = await (
        await fetch(`${url}/agc/api.php?source=test&user=6666&pass=1234&agent_user=1000&function=audio_playback&value=ss-noservice&stage=PLAY`)
      ).text();
      expect(played).toBe('SUCCESS: audio_playback function sent - ss-noservice|PLAY|1000\n');
      const health = JSON.parse(await (await fetch(`${url}/health`)).text());
      expect(health).toEqual({ status: 'ok', database: 'up', pbx: 'connected' });
    } finally {
      expect(await stopServer(child)).toBe(0);
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120000);
});
