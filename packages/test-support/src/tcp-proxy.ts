import { createServer, Socket, type AddressInfo, type Server } from 'node:net';

/**
 * A TCP relay on loopback that a test puts between a client and a server to
 * act out network trouble: `stop` is a server that went away (connections
 * cut, new ones refused), `freeze` a peer that stops answering while the
 * connections stay open, `start` and `thaw` undo them.
 */
export interface TcpProxy {
  readonly port: number;
  /** Connections accepted from clients so far. */
  readonly accepted: number;
  /** `url` with its host and port replaced by the proxy's. */
  rewrite(url: string): string;
  stop(): Promise<void>;
  start(): Promise<void>;
  freeze(): void;
  thaw(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let frozen = false;
  let server: Server | null = null;
  let port = 0;
  let accepted = 0;

  const relay = (from: Socket, to: Socket): void => {
    // While frozen, bytes vanish as on a dead network: no reply, no reset.
    from.on('data', (chunk: Buffer) => {
      if (!frozen) to.write(chunk);
    });
    from.on('close', () => to.destroy());
    from.on('error', () => to.destroy());
  };

  const listen = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const next = createServer((client) => {
        accepted += 1;
        const upstream = new Socket();
        sockets.add(client);
        sockets.add(upstream);
        client.on('close', () => sockets.delete(client));
        upstream.on('close', () => sockets.delete(upstream));
        relay(client, upstream);
        relay(upstream, client);
        upstream.connect(target.port, target.host);
      });
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        port = (next.address() as AddressInfo).port;
        server = next;
        resolve();
      });
    });

  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      const current = server;
      server = null;
      if (current) current.close(() => resolve());
      else resolve();
    });

  await listen();
  return {
    get port() {
      return port;
    },
    get accepted() {
      return accepted;
    },
    rewrite(url) {
      const rewritten = new URL(url);
      rewritten.hostname = '127.0.0.1';
      rewritten.port = String(port);
      return rewritten.toString();
    },
    stop,
    start: () => (server ? Promise.resolve() : listen()),
    freeze: () => {
      frozen = true;
    },
    thaw: () => {
      frozen = false;
    },
    close: stop,
  };
}
