import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';

/** One delivery the receiver accepted: its signature held. */
export interface AcceptedWebhook {
  idempotencyKey: string;
  eventId: string;
  body: { type: string; id?: string; topic?: string; event?: string; tenant?: string | null; data?: Record<string, unknown> };
}

export interface SignedWebhookReceiver {
  url: string;
  /** Deliveries taken, in arrival order, repeats (the same Idempotency-Key) included. */
  accepted(): AcceptedWebhook[];
  /** Deliveries refused because their signature did not hold. */
  forged(): number;
  /** The secret the gateway showed when the subscription was made. */
  setSecret(secret: string): void;
  /** Answers 503 to the next `count` deliveries (a receiver that is down). */
  failNext(count: number): void;
  close(): Promise<void>;
}

const readAll = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

/**
 * A receiver that checks every delivery as docs/event-stream.md tells
 * integrators to: the HMAC-SHA256 of `<timestamp>.<Idempotency-Key>.<body>`
 * under its secret, compared in constant time, within five minutes of its
 * own clock. Written from the document, not from the gateway's code.
 */
export async function startSignedWebhookReceiver(): Promise<SignedWebhookReceiver> {
  let secret = '';
  let failing = 0;
  let forged = 0;
  const accepted: AcceptedWebhook[] = [];
  const server = createServer((req, res) => {
    void readAll(req).then((body) => {
      if (failing > 0) {
        failing -= 1;
        res.writeHead(503).end();
        return;
      }
      const timestamp = String(req.headers['x-pbx-timestamp'] ?? '');
      const signature = String(req.headers['x-pbx-signature'] ?? '');
      const key = String(req.headers['idempotency-key'] ?? '');
      const expected = 'v1=' + createHmac('sha256', secret).update(`${timestamp}.${key}.${body}`).digest('hex');
      const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) <= 300;
      const valid = signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
      if (!fresh || !valid) {
        forged += 1;
        res.writeHead(401).end();
        return;
      }
      accepted.push({ idempotencyKey: key, eventId: String(req.headers['x-pbx-event-id'] ?? ''), body: JSON.parse(body) as AcceptedWebhook['body'] });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/pbx-events`,
    accepted: () => [...accepted],
    forged: () => forged,
    setSecret: (value) => {
      secret = value;
    },
    failNext: (count) => {
      failing = count;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
