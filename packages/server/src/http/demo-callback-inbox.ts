import { Router, type Request, type Response } from 'express';
import { readRequestBody } from '@pbx-gateway/dialect-kit';

/**
 * Demo only: a receiver for the Sip_Call callbacks of the demo tenant, so a
 * new user can see them (`GET /demo/callbacks`) without running a server of
 * their own. Keeps the last 200 deliveries in memory.
 */
export function demoCallbackInbox(): Router {
  const received: Array<{ receivedAt: string; idempotencyKey: string | null; body: unknown }> = [];
  const router = Router();
  router.post('/demo/callbacks', async (req: Request, res: Response) => {
    const body = await readRequestBody(req, { maxBytes: 64 * 1024 });
    received.push({
      receivedAt: new Date().toISOString(),
      idempotencyKey: req.get('idempotency-key') ?? null,
      body: body.kind === 'json' ? body.value : body.kind === 'text' ? body.text : null,
    });
    if (received.length > 200) received.shift();
    res.status(200).type('application/json').end('{"ok":true}');
  });
  router.get('/demo/callbacks', (_req: Request, res: Response) => {
    res.status(200).type('application/json').end(JSON.stringify(received, null, 2));
  });
  return router;
}
