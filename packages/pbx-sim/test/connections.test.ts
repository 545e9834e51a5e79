import { connect as tcpConnect, type Socket } from 'node:net';
import { Agent, request } from 'node:http';
import WebSocket from 'ws';
import { startPbxSim, type PbxSim } from '@pbx-gateway/pbx-sim';
import { sleep } from './support/ari-session';

/** Connection-level behaviour: Asterisk's keep-alive timeout, and a dead Asterisk refusing connections. */
const AUTH = `Basic ${Buffer.from('gateway:gateway').toString('base64')}`;

function openSocket(sim: PbxSim): Promise<Socket> {
  const url = new URL(sim.url);
  return new Promise((resolve, reject) => {
    const socket = tcpConnect(Number(url.port), url.hostname, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Sends one keep-alive request on a raw socket and waits for the complete response. */
function ping(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    const onData = (chunk: Buffer): void => {
      text += chunk.toString();
      const [head, body = ''] = text.split('\r\n\r\n');
      const length = Number(/content-length: (\d+)/i.exec(head ?? '')?.[1] ?? NaN);
      if (body.length >= length) {
        socket.off('data', onData);
        resolve(text);
      }
    };
    socket.on('data', onData);
    socket.write(`GET /ari/asterisk/ping HTTP/1.1\r\nHost: sim\r\nAuthorization: ${AUTH}\r\nConnection: keep-alive\r\n\r\n`);
  });
}

function get(sim: PbxSim, agent?: Agent): Promise<number> {
  const url = new URL(sim.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: '/ari/asterisk/ping', headers: { Authorization: AUTH }, agent: agent ?? false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('keep-alive', () => {
  it('keeps an idle connection for session_keep_alive, then closes it, without a Keep-Alive hint', async () => {
    const sim = await startPbxSim({ keepAliveTimeoutMs: 500 });
    try {
      const socket = await openSocket(sim);
      const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now())));
      const first = await ping(socket);
      expect(first).toMatch(/^HTTP\/1\.1 200 OK/);
      expect(first).not.toMatch(/keep-alive: timeout/i);
      await sleep(150);
      // Still open before the timeout: a second request is served on the same connection.
      expect(await ping(socket)).toMatch(/^HTTP\/1\.1 200 OK/);
      const idleFrom = Date.now();
      const at = await closed;
      expect(at - idleFrom).toBeGreaterThanOrEqual(450);
      expect(at - idleFrom).toBeLessThan(2000);
    } finally {
      await sim.close();
    }
  });

  it('uses 15 s by default and can change the timeout at run time', async () => {
    const sim = await startPbxSim();
    try {
      await sim.control.setKeepAliveTimeout(100);
      const socket = await openSocket(sim);
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      await ping(socket);
      await closed;
      // A client whose pooled socket the server closed simply opens a new one.
      const agent = new Agent({ keepAlive: true });
      expect(await get(sim, agent)).toBe(200);
      await sleep(250);
      expect(await get(sim, agent)).toBe(200);
      agent.destroy();
    } finally {
      await sim.close();
    }
  });
});

describe('refusing connections', () => {
  it('refuses connections for a while, cutting open ones, then accepts again', async () => {
    const sim = await startPbxSim();
    try {
      const ws = new WebSocket(`${sim.url.replace('http', 'ws')}/ari/events?app=x&api_key=gateway:gateway`);
      await new Promise((resolve) => ws.once('open', resolve));
      const wsClosed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
      await sim.control.refuseConnections(400);
      expect(await wsClosed).toBe(1006);
      await expect(get(sim)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      await sleep(550);
      expect(await get(sim)).toBe(200);
    } finally {
      await sim.close();
    }
  });

  it('can reset new connections instead, and is reachable through /sim/refuse', async () => {
    const sim = await startPbxSim();
    try {
      await sim.control.refuseConnections(300, 'reset');
      await expect(get(sim)).rejects.toMatchObject({ code: expect.stringMatching(/ECONNRESET|EPIPE/) as unknown as string });
      await sleep(400);
      expect(await get(sim)).toBe(200);
      const reply = await fetch(`${sim.url}/sim/refuse`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ms: 300 }) });
      expect(reply.status).toBe(204);
      await sleep(50);
      await expect(get(sim)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      await sleep(400);
      expect(await get(sim)).toBe(200);
    } finally {
      await sim.close();
    }
  });
});
