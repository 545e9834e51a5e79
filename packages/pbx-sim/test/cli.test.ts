import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** The simulator as its own process (benchmarks and fault tests run it that way). */
describe('pbx-sim CLI', () => {
  it('listens on the port it is given, serves ARI, and stops on SIGTERM', async () => {
    const cli = join(__dirname, '..', 'src', 'cli.ts');
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', cli, '--port', '0', '--quiet', '--user', 'bench:pw'], {
      cwd: join(__dirname, '..'),
      env: { ...process.env, TS_NODE_PROJECT: join(__dirname, '..', 'tsconfig.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /listening on (http:\/\/\S+) /.exec(out);
          if (match?.[1]) resolve(match[1]);
        });
        child.stderr.on('data', (chunk: Buffer) => reject(new Error(chunk.toString())));
        child.once('exit', (code) => reject(new Error(`exited with ${String(code)}`)));
      });
      const ping = await fetch(`${url}/ari/asterisk/ping?api_key=bench:pw`);
      expect(ping.status).toBe(200);
      expect(await ping.json()).toMatchObject({ ping: 'pong' });
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 20000);
});
