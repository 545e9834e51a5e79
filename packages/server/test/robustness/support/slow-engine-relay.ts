import { createServer, Socket, type AddressInfo, type Server } from 'node:net';

/**
 * A TCP relay between the gateway and the engine that acts out a slow or
 * stalled engine. `setDelay` holds back every byte the engine sends (REST
 * answers and WebSocket events alike) for that long: an engine that answers
 * every request late. `hold('requests')` keeps what the gateway sends from
 * the engine (a request sent but never received), `hold('answers')` keeps
 * what the engine sends from the gateway (a request carried out whose answer
 * never arrives), until `release`, on REST connections (the event WebSocket
 * only gets the delay); bytes held when a connection closes are dropped.
 * Bytes keep their order whatever changes.
 */
export interface SlowEngineRelay {
  /** The engine's URL with the relay's host and port. */
  readonly url: string;
  setDelay(ms: number): void;
  hold(direction: 'requests' | 'answers'): void;
  release(): void;
  close(): Promise<void>;
}

interface Pipe {
  held: Buffer[];
  releaseAt: number;
}

export async function startSlowEngineRelay(engineUrl: string): Promise<SlowEngineRelay> {
  const target = new URL(engineUrl);
  const sockets = new Set<Socket>();
  const flushes = new Set<() => void>();
  let delayMs = 0;
  let holding: 'requests' | 'answers' | null = null;

  const server: Server = createServer((client) => {
    const upstream = new Socket();
    sockets.add(client);
    sockets.add(upstream);
    // The event WebSocket is never held: its pings would go unanswered and the engine rightly look gone.
    let events: boolean | null = null;
    const holds = (direction: 'requests' | 'answers'): boolean => holding === direction && events === false;
    const toEngine: Pipe = { held: [], releaseAt: 0 };
    const toGateway: Pipe = { held: [], releaseAt: 0 };
    const deliver = (pipe: Pipe, to: Socket, chunk: Buffer, delay: number): void => {
      // Never before a chunk received earlier: a shorter delay waits for the longer one ahead of it.
      pipe.releaseAt = Math.max(pipe.releaseAt, Date.now() + delay);
      setTimeout(() => {
        if (!to.destroyed) to.write(chunk);
      }, pipe.releaseAt - Date.now());
    };
    const flush = (): void => {
      for (const chunk of toEngine.held.splice(0)) deliver(toEngine, upstream, chunk, 0);
      for (const chunk of toGateway.held.splice(0)) deliver(toGateway, client, chunk, delayMs);
    };
    flushes.add(flush);
    client.on('data', (chunk: Buffer) => {
      if (events === null) events = /^upgrade:\s*websocket/im.test(chunk.toString('latin1'));
      if (holds('requests') || toEngine.held.length > 0) toEngine.held.push(chunk);
      else deliver(toEngine, upstream, chunk, 0);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (holds('answers') || toGateway.held.length > 0) toGateway.held.push(chunk);
      else deliver(toGateway, client, chunk, delayMs);
    });
    const end = (): void => {
      flushes.delete(flush);
      toEngine.held.length = 0;
      toGateway.held.length = 0;
      sockets.delete(client);
      sockets.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    for (const socket of [client, upstream]) {
      socket.on('close', end);
      socket.on('error', end);
    }
    upstream.connect(Number(target.port), target.hostname);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const url = new URL(engineUrl);
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as AddressInfo).port);

  return {
    url: url.toString().replace(/\/$/, ''),
    setDelay(ms) {
      delayMs = ms;
    },
    hold(direction) {
      holding = direction;
    },
    release() {
      holding = null;
      for (const flush of flushes) flush();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
