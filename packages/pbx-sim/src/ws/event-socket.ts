import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { AppSession } from '../engine/applications';
import type { World } from '../engine/world';
import { asteriskTimestamp } from '../util/asterisk-time';
import type { JsonObject } from '../util/json';

/**
 * The `/ari/events` WebSockets. Each socket registers its applications;
 * events go out as one JSON text message each, in publication order.
 */
export class EventSockets {
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<WebSocket>();

  constructor(private readonly world: World) {}

  accept(request: IncomingMessage, socket: Duplex, head: Buffer, apps: string[], subscribeAll: boolean): void {
    this.server.handleUpgrade(request, socket, head, (ws) => this.open(ws, apps, subscribeAll));
  }

  private open(ws: WebSocket, apps: string[], subscribeAll: boolean): void {
    this.sockets.add(ws);
    const session: AppSession = {
      send: (event: JsonObject) => {
        if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(event));
      },
    };
    for (const app of apps) this.world.apps.register(app, session, subscribeAll, asteriskTimestamp());
    ws.on('message', () => {
      // ARI over the WebSocket (REST requests as messages) is not simulated; incoming messages are ignored.
    });
    ws.on('close', () => {
      this.sockets.delete(ws);
      for (const app of apps) this.world.apps.unregister(app, session);
    });
    ws.on('error', () => ws.terminate());
  }

  get count(): number {
    return this.sockets.size;
  }

  /** Drops every socket without a closing handshake, as a dying Asterisk would. */
  dropAll(): number {
    const n = this.sockets.size;
    for (const ws of [...this.sockets]) ws.terminate();
    return n;
  }

  close(): void {
    this.dropAll();
    this.server.close();
  }
}
