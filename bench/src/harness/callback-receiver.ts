import { createServer, type Server } from 'node:http';

export interface ReceivedCallback {
  at: number;
  idempotencyKey: string;
  body: Record<string, unknown>;
}

export interface CallbackReceiver {
  url: string;
  /** CDR callbacks (the ones with `billsec`) received so far. */
  cdrs(): ReceivedCallback[];
  /** Extension status callbacks (the ones with `status`). */
  statuses(): ReceivedCallback[];
  close(): Promise<void>;
}

/**
 * The CRM's callback endpoint: a bare HTTP server that answers 200 at once
 * and keeps what it received, so that deliveries can be counted per call.
 */
export async function startCallbackReceiver(): Promise<CallbackReceiver> {
  const cdrs: ReceivedCallback[] = [];
  const statuses: ReceivedCallback[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      response.writeHead(200, { 'Content-Type': 'text/plain' });
      response.end('ok');
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        return;
      }
      const received = { at: Date.now(), idempotencyKey: String(request.headers['idempotency-key'] ?? ''), body };
      if ('billsec' in body) cdrs.push(received);
      else if ('status' in body) statuses.push(received);
    });
  });
  server.keepAliveTimeout = 30000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/callbacks`,
    cdrs: () => cdrs,
    statuses: () => statuses,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
