import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

/**
 * How the receiver answers the next requests:
 * - `accept`: 200, after a delay drawn by `delayMs` (a slow customer);
 * - `fail`: 500 at once (a customer whose endpoint is broken);
 * - `hold`: keeps the request open without answering until the sender goes
 *   away (a customer hanging mid-request).
 */
export type ReceiverMode = { kind: 'accept'; delayMs?: () => number } | { kind: 'fail' } | { kind: 'hold' };

/** One request as the receiver saw it, and how it ended. */
export interface CallbackReceipt {
  seq: number;
  idempotencyKey: string;
  raw: string;
  /** When the whole body had arrived (ms since the epoch). */
  arrivedAt: number;
  /**
   * `accepted`: answered 200, the sender was told it was delivered;
   * `failed`: answered 500; `held`: still open; `abandoned`: the sender went
   * away before an answer (its timeout, or its death).
   */
  outcome: 'accepted' | 'failed' | 'held' | 'abandoned';
  /** When it was answered or abandoned. */
  endedAt: number | null;
}

export interface StallingCallbackReceiver {
  url: string;
  setMode(mode: ReceiverMode): void;
  /** Every request whose body arrived, in arrival order. */
  receipts(): CallbackReceipt[];
  /** How many requests are held open right now. */
  heldCount(): number;
  close(): Promise<void>;
}

export async function startStallingCallbackReceiver(): Promise<StallingCallbackReceiver> {
  const receipts: CallbackReceipt[] = [];
  const held = new Set<CallbackReceipt>();
  let mode: ReceiverMode = { kind: 'accept' };

  const answer = (receipt: CallbackReceipt, res: ServerResponse, status: number): void => {
    if (receipt.outcome === 'abandoned' || res.destroyed) return;
    receipt.outcome = status === 200 ? 'accepted' : 'failed';
    receipt.endedAt = Date.now();
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(status === 200 ? '{"ok":true}' : '{"ok":false}');
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void readBody(req).then((raw) => {
      if (raw === null) return;
      const receipt: CallbackReceipt = {
        seq: receipts.length,
        idempotencyKey: String(req.headers['idempotency-key'] ?? ''),
        raw,
        arrivedAt: Date.now(),
        outcome: 'held',
        endedAt: null,
      };
      receipts.push(receipt);
      // The sender closing its side before an answer is what a timeout or a crash looks like here.
      const abandon = (): void => {
        held.delete(receipt);
        if (receipt.outcome !== 'held') return;
        receipt.outcome = 'abandoned';
        receipt.endedAt = Date.now();
      };
      res.on('close', abandon);
      if (req.socket.destroyed) return abandon();
      const current = mode;
      if (current.kind === 'fail') return answer(receipt, res, 500);
      if (current.kind === 'hold') {
        held.add(receipt);
        return;
      }
      const delay = current.delayMs?.() ?? 0;
      if (delay <= 0) return answer(receipt, res, 200);
      setTimeout(() => answer(receipt, res, 200), delay);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}/callbacks`,
    setMode(next) {
      mode = next;
    },
    receipts: () => receipts.map((receipt) => ({ ...receipt })),
    heldCount: () => held.size,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The whole body, or null when the sender went away before it was complete. */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
    req.on('aborted', () => resolve(null));
  });
}
