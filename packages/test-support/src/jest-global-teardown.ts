export default async function globalTeardown(): Promise<void> {
  const running = (globalThis as { __embeddedPostgres__?: { stop(): Promise<void> } }).__embeddedPostgres__;
  if (running) await running.stop();
}
