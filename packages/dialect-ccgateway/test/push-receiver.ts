import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

export interface PushSeen {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Whether the receiver accepted it. */
  accepted: boolean;
}

/** A client's event receiver: refuses the first `failFirst` pushes with 503 (all of them when Infinity), then answers as Huawei's receivers do. */
export async function startReceiver(failFirst: number): Promise<{ url: string; seen: PushSeen[]; close(): Promise<void> }> {
  const seen: PushSeen[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const accepted = seen.length >= failFirst;
      seen.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), accepted });
      if (!accepted) {
        res.writeHead(503).end('busy');
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json;charset=UTF-8' }).end('{"message":"success","retcode":"0"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/huawei/events`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The event types the pushes carried, in order. */
export const eventTypes = (pushes: readonly PushSeen[]): string[] =>
  pushes.flatMap((push) => (JSON.parse(push.body) as { eventList: Array<{ eventType: string }> }).eventList.map((event) => event.eventType));
