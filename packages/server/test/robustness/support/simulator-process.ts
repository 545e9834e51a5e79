import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { PbxSimOptions } from '@pbx-gateway/pbx-sim';
import { repositoryRoot } from '@pbx-gateway/test-support';

/** The simulator in a process of its own, so that nothing the test process does can hold it up. */
export interface SimulatorProcess {
  url: string;
  close(): Promise<void>;
}

// Runs the built simulator with the options it is handed, and prints where it listens.
const SCRIPT = `
const { startPbxSim } = require(process.env.PBX_SIM_MODULE);
startPbxSim(JSON.parse(process.env.PBX_SIM_OPTIONS)).then((sim) => {
  process.stdout.write(sim.url + '\\n');
  process.on('SIGTERM', () => sim.close().then(() => process.exit(0), () => process.exit(1)));
}, (error) => {
  process.stderr.write(String(error && error.stack || error) + '\\n');
  process.exit(1);
});
`;

/** Starts `packages/pbx-sim/dist` (built by `npm run build`) with JSON-serialisable options. */
export function startSimulatorProcess(options: PbxSimOptions, startTimeoutMs = 30_000): Promise<SimulatorProcess> {
  const child = spawn(process.execPath, ['-e', SCRIPT], {
    env: {
      PATH: process.env.PATH ?? '',
      PBX_SIM_MODULE: join(repositoryRoot(), 'packages', 'pbx-sim', 'dist', 'index.js'),
      PBX_SIM_OPTIONS: JSON.stringify({ ...options, port: options.port ?? 0 }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  return new Promise<SimulatorProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the simulator did not start within ${startTimeoutMs} ms: ${output}`));
    }, startTimeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the simulator exited (${code}): ${output}`));
    });
    let first = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      if (first.includes('\n')) return;
      first += chunk;
      const line = first.split('\n')[0]!;
      if (!first.includes('\n')) return;
      clearTimeout(timer);
      resolve({
        url: line.trim(),
        async close() {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}
