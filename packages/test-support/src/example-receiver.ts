import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { repositoryRoot } from './reference-data';

/** One line the example receiver writes per request. */
export interface ExampleReceiverLine {
  verified: boolean;
  reason?: string;
  repeat?: boolean;
  idempotencyKey?: string;
  body?: Record<string, unknown>;
}

export interface ExampleReceiver {
  child: ChildProcessWithoutNullStreams;
  url: string;
  lines: ExampleReceiverLine[];
}

/**
 * The documented receiver of signed deliveries (examples/sipcall-callback-receiver.mjs:
 * Sip_Call callbacks and event stream webhooks), run as an integrator runs
 * it, with the secret it was given, on `port` (0: any free one); resolves
 * once it listens. Kill `child` when done.
 */
export function startExampleReceiver(secret: string, port = 0): Promise<ExampleReceiver> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repositoryRoot(), 'examples', 'sipcall-callback-receiver.mjs')], {
      env: { PATH: process.env.PATH, CALLBACK_SECRET: secret, PORT: String(port) },
    });
    const lines: ExampleReceiverLine[] = [];
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      let end: number;
      while ((end = pending.indexOf('\n')) >= 0) {
        const line = JSON.parse(pending.slice(0, end)) as ExampleReceiverLine & { listening?: string };
        pending = pending.slice(end + 1);
        if (line.listening) resolve({ child, url: line.listening, lines });
        else lines.push(line);
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`example receiver exited ${code}`)));
  });
}
