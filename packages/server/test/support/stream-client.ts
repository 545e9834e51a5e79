import WebSocket from 'ws';
import { waitFor } from '@pbx-gateway/test-support';

/** A message of the event stream, as a reader receives it. */
export interface StreamMessage {
  type: string;
  id?: string;
  event?: string;
  topic?: string;
  tenant?: string | null;
  data?: Record<string, unknown>;
  [field: string]: unknown;
}

/** A real WebSocket reader of the gateway's event stream that keeps every message it was sent. */
export interface StreamClient {
  readonly messages: StreamMessage[];
  /** The `event` messages, in arrival order. */
  events(): StreamMessage[];
  waitForMessage(match: (message: StreamMessage) => boolean, what: string, timeoutMs?: number): Promise<StreamMessage>;
  /** Resolves with the close code once the gateway or the client closed the socket. */
  closed: Promise<{ code: number; reason: string }>;
  close(): Promise<void>;
}

/** `subscribe`: the first message, as an object (sent as JSON) or as text sent as it is. */
export async function openStream(url: string, subscribe: Record<string, unknown> | string | null, headers: Record<string, string> = {}): Promise<StreamClient> {
  const ws = new WebSocket(url.replace(/^http/, 'ws') + '/events/v1/stream', { headers });
  const messages: StreamMessage[] = [];
  ws.on('message', (data) => messages.push(JSON.parse(String(data)) as StreamMessage));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  if (subscribe !== null) ws.send(typeof subscribe === 'string' ? subscribe : JSON.stringify(subscribe));
  return {
    messages,
    events: () => messages.filter((message) => message.type === 'event'),
    waitForMessage: (match, what, timeoutMs = 10000) => waitFor(() => messages.find(match), timeoutMs, what),
    closed,
    async close() {
      if (ws.readyState !== WebSocket.CLOSED) {
        ws.close(1000);
        await closed;
      }
    },
  };
}
