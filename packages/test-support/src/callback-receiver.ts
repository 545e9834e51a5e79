import { createServer, type IncomingMessage, type Server } from 'node:http';

export interface ReceivedCallback {
  path: string;
  headers: Readonly<Record<string, string>>;
  /** The body parsed as JSON, or the raw text when it is not JSON. */
  body: unknown;
  raw: string;
  receivedAt: Date;
}

/**
 * A customer's callback receiver for tests: records every POST and answers
 * 200, or a failure status for the next `failNext(n)` deliveries.
 */
export interface CallbackReceiver {
  url: string;
  received(): ReceivedCallback[];
  failNext(count: number, status?: number): void;
  close(): Promise<void>;
}

export async function startCallbackReceiver(): Promise<CallbackReceiver> {
  const received: ReceivedCallback[] = [];
  let failures = 0;
  let failureStatus = 500;
  const server: Server = createServer((req, res) => {
    void readAll(req).then((raw) => {
      if (failures > 0) {
        failures -= 1;
        res.writeHead(failureStatus).end('failing on purpose');
        return;
      }
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers[name] = value;
      let body: unknown = raw;
      try {
        body = JSON.parse(raw);
      } catch {
        // kept as text
      }
      received.push({ path: req.url ?? '/', headers, body, raw, receivedAt: new Date() });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/callbacks`,
    received: () => [...received],
    failNext(count, status = 500) {
      failures = count;
      failureStatus = status;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readAll(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(''));
  });
}
