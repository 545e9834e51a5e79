import { rmSync } from 'node:fs';
import { dirname } from 'node:path';

export default async function globalTeardown(): Promise<void> {
  const run = (globalThis as { __embeddedPostgres__?: { stop(): Promise<void>; dataDir: string } }).__embeddedPostgres__;
  if (!run) return;
  await run.stop();
  rmSync(dirname(run.dataDir), { recursive: true, force: true });
}
