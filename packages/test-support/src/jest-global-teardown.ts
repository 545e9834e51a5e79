import { rmSync } from 'node:fs';
import type { EmbeddedRun } from './jest-global-setup';

export default async function globalTeardown(): Promise<void> {
  const run = (globalThis as { __embeddedPostgres__?: EmbeddedRun }).__embeddedPostgres__;
  if (!run) return;
  await run.stop();
  for (const dir of run.dirs) rmSync(dir, { recursive: true, force: true });
}
