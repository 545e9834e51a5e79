#!/usr/bin/env node
// A receiver of the gateway's Sip_Call callbacks, or of its event stream
// webhooks (signed the same way), that trusts only what the gateway signed.
// Node 18+, no dependencies.
//
//   CALLBACK_SECRET=<the company's secret> PORT=9000 node examples/sipcall-callback-receiver.mjs
//
// The secret is the one the operator printed with
// `pbx-gateway callback-secret sipcall/<companycode>`, or the one
// `POST /admin/v1/webhooks` answered (docs/event-stream.md). Every request is
// written to stdout as one JSON line; a callback that verifies is answered
// 200 (a repeat of one already taken too, so that the gateway stops
// retrying it), anything else 401, and the gateway will retry it.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';

/**
 * Checks one callback. `headers` are the request's (lower-case names, as
 * Node gives them), `body` the raw body exactly as received: parse the JSON
 * only after it verified.
 */
export function verifyCallback({ secret, headers, body, nowSeconds = Math.floor(Date.now() / 1000), toleranceSeconds = 300 }) {
  const timestamp = headers['x-pbx-timestamp'];
  const signature = headers['x-pbx-signature'];
  const idempotencyKey = headers['idempotency-key'];
  if (!timestamp || !signature || !idempotencyKey) return { ok: false, reason: 'unsigned' };
  if (!/^[0-9]+$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) return { ok: false, reason: 'stale timestamp' };
  const expected = `v1=${createHmac('sha256', secret).update(`${timestamp}.${idempotencyKey}.${body}`, 'utf8').digest('hex')}`;
  const given = Buffer.from(signature, 'utf8');
  const wanted = Buffer.from(expected, 'utf8');
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return { ok: false, reason: 'bad signature' };
  return { ok: true, idempotencyKey };
}

/** Listens on `port` (0: any free one); `onCallback` gets each callback that verified, once per idempotency key. */
export function startReceiver({ secret, port = 0, onCallback = () => {}, log = (line) => process.stdout.write(`${JSON.stringify(line)}\n`) }) {
  // A real receiver keeps these in its database, beside what the callback changed.
  const seen = new Set();
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const check = verifyCallback({ secret, headers: req.headers, body });
      if (!check.ok) {
        log({ verified: false, reason: check.reason });
        res.writeHead(401).end();
        return;
      }
      const repeat = seen.has(check.idempotencyKey);
      seen.add(check.idempotencyKey);
      log({ verified: true, repeat, idempotencyKey: check.idempotencyKey, body: JSON.parse(body) });
      if (!repeat) onCallback(JSON.parse(body));
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const secret = process.env.CALLBACK_SECRET;
  if (!secret) {
    process.stderr.write('CALLBACK_SECRET is required\n');
    process.exit(2);
  }
  const server = await startReceiver({ secret, port: Number(process.env.PORT ?? 9000) });
  process.stdout.write(`${JSON.stringify({ listening: `http://127.0.0.1:${server.address().port}/` })}\n`);
}
