#!/usr/bin/env node
import { startPbxSim } from './index';

/**
 * Runs the simulator as its own process:
 *   node packages/pbx-sim/dist/cli.js --port 8088 [--host 127.0.0.1] [--user name:password]
 *     [--keep-alive-ms 15000] [--quiet]
 */
function parse(argv: string[]): { host: string; port: number; users?: Record<string, string>; keepAliveTimeoutMs?: number; quiet: boolean } {
  const result: { host: string; port: number; users?: Record<string, string>; keepAliveTimeoutMs?: number; quiet: boolean } = {
    host: '127.0.0.1',
    port: 8088,
    quiet: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    switch (arg) {
      case '--port':
        result.port = Number(value);
        i++;
        break;
      case '--host':
        result.host = value ?? result.host;
        i++;
        break;
      case '--user': {
        const [name, password] = (value ?? '').split(/:(.*)/s);
        if (!name || password === undefined) throw new Error('--user expects name:password');
        result.users = { ...(result.users ?? {}), [name]: password };
        i++;
        break;
      }
      case '--keep-alive-ms':
        result.keepAliveTimeoutMs = Number(value);
        i++;
        break;
      case '--quiet':
        result.quiet = true;
        break;
      case '--help':
        process.stdout.write('usage: pbx-sim [--port 8088] [--host 127.0.0.1] [--user name:password] [--keep-alive-ms 15000] [--quiet]\n');
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument ${arg ?? ''}`);
    }
  }
  if (!Number.isInteger(result.port) || result.port < 0) throw new Error('--port expects a port number');
  return result;
}

async function main(): Promise<void> {
  const args = parse(process.argv.slice(2));
  const sim = await startPbxSim({
    host: args.host,
    port: args.port,
    users: args.users,
    keepAliveTimeoutMs: args.keepAliveTimeoutMs,
    logger: args.quiet ? undefined : (line) => process.stdout.write(`${line}\n`),
  });
  process.stdout.write(`pbx-sim listening on ${sim.url} (ARI at ${sim.url}/ari)\n`);
  const stop = (): void => {
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`pbx-sim: ${(error as Error).message}\n`);
  process.exit(1);
});
