import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { defaultCoreConfig } from '@pbx-gateway/core';
import { callbackSecret, callbackSignature, demoProvisioning } from '@pbx-gateway/server';
import { repositoryRoot, startExampleReceiver, startTestGateway, TEST_MEDIA, type ExampleReceiver, type TestGateway } from '@pbx-gateway/test-support';
import { callOf, login, playVoice, waitForStage } from './support/integration';

const SIGNING_KEY = 'test-signing-key-of-at-least-32-characters';
const CLI = join(repositoryRoot(), 'packages', 'server', 'dist', 'cli.js');

/** The company's secret as the operator gets it: `pbx-gateway callback-secret sipcall/2028`. */
function printedSecret(name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'callback-secret', name], { env: { PATH: process.env.PATH, CALLBACK_SIGNING_KEY: SIGNING_KEY } });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('close', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`callback-secret exited ${code}`))));
  });
}

/**
 * The Sip_Call callbacks of a real call, signed by the gateway, checked by
 * the example receiver of docs/sip-call.md (examples/sipcall-callback-receiver.mjs)
 * with the secret the CLI prints for the company.
 */
describe('signed Sip_Call callbacks, verified by the documented example receiver', () => {
  let gw: TestGateway;
  let receiver: ExampleReceiver;
  let secret: string;

  beforeAll(async () => {
    secret = await printedSecret('sipcall/2028');
    expect(secret).toBe(callbackSecret(SIGNING_KEY, 'sipcall/2028'));
    receiver = await startExampleReceiver(secret);
    gw = await startTestGateway({
      callbackSigningKey: SIGNING_KEY,
      provisioning: demoProvisioning({ callbackUrl: receiver.url, nodeIp: '127.0.0.1' }),
      sim: { media: { ...TEST_MEDIA, 'sipcall/2028/menu': 600 } },
      core: { voiceMenuKeyWaitMs: 700, outbox: { ...defaultCoreConfig.outbox, retryBaseMs: 100, retryMaxMs: 300 } },
    });
    await gw.farEnd.setPhone('sip100', { outcome: 'answer', ringMs: 300 });
    await gw.farEnd.setPhone('sip101', { outcome: 'noanswer' });
  });

  afterAll(async () => {
    await gw?.close();
    receiver?.child.kill();
  });

  it("every status and CDR callback of a voice-menu call verifies with the company's secret", async () => {
    const token = await login(gw);
    await playVoice(gw, token, { voicetype: '1', voicefile: 'menu', customuuid: 'signed' });
    const call = await callOf(gw, 'signed');
    await waitForStage(gw, call.id, ['playing', 'awaiting_key']);
    await gw.farEnd.pressDtmf(`${call.id}.1`, '1');
    await waitForStage(gw, call.id, ['connected']);
    await gw.waitFor(() => receiver.lines.filter((line) => line.body?.uuid === call.id).length >= 4, 8000, 'ring, ring, answer, hangup');
    await gw.farEnd.hangup(`${call.id}.1`);
    const ofCall = await gw.waitFor(() => {
      const lines = receiver.lines.filter((line) => line.body?.uuid === call.id);
      return lines.some((line) => line.body && 'billsec' in line.body) && lines.length >= 6 ? lines : undefined;
    }, 8000, 'five statuses and the CDR');
    expect(ofCall).toHaveLength(6);
    for (const line of ofCall) expect(line).toMatchObject({ verified: true, repeat: false });
    expect(receiver.lines.filter((line) => !line.verified)).toEqual([]);
    // The receiver took each one (2xx): nothing is left to retry.
    await gw.waitFor(async () => Number((await gw.query<{ n: string }>('SELECT count(*) AS n FROM outbox WHERE delivered_at IS NULL'))[0]!.n) === 0, 5000, 'empty outbox');
    const rows = await gw.query<{ signing_key: string }>('SELECT DISTINCT signing_key FROM outbox');
    expect(rows).toEqual([{ signing_key: 'sipcall/2028' }]);
  });

  it('refuses what the gateway did not sign as it is: another body, another key, an old timestamp, another secret, no signature', async () => {
    const body = '{"status":"ring","uuid":"forged"}';
    const now = String(Math.floor(Date.now() / 1000));
    const post = async (headers: Record<string, string>, sent = body): Promise<number> =>
      (await fetch(receiver.url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: sent })).status;
    const signed = (timestamp: string, key: string, signedBody = body, withSecret = secret) => ({
      'Idempotency-Key': key,
      'X-Pbx-Timestamp': timestamp,
      'X-Pbx-Signature': callbackSignature(withSecret, timestamp, key, signedBody),
    });
    const before = receiver.lines.length;
    expect(await post(signed(now, '900001'))).toBe(200);
    expect(await post(signed(now, '900001'))).toBe(200);
    expect(await post(signed(now, '900002'), '{"status":"answer","uuid":"forged"}')).toBe(401);
    expect(await post({ ...signed(now, '900003'), 'Idempotency-Key': '900004' })).toBe(401);
    const old = String(Number(now) - 600);
    expect(await post(signed(old, '900005'))).toBe(401);
    expect(await post(signed(now, '900006', body, callbackSecret(SIGNING_KEY, 'sipcall/2029')))).toBe(401);
    expect(await post({ 'Idempotency-Key': '900007' })).toBe(401);
    expect(receiver.lines.slice(before).map((line) => (line.verified ? `ok${line.repeat ? ' repeat' : ''}` : line.reason))).toEqual([
      'ok',
      'ok repeat',
      'bad signature',
      'bad signature',
      'stale timestamp',
      'bad signature',
      'unsigned',
    ]);
  });
});

/**
 * A receiver that keeps failing: reported in /metrics while it fails, its
 * callbacks kept and delivered once it takes them again.
 */
describe('a Sip_Call receiver that keeps failing', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway({
      callbackSigningKey: SIGNING_KEY,
      callbackFailingAfter: 2,
      core: { outbox: { ...defaultCoreConfig.outbox, retryBaseMs: 100, retryMaxMs: 300 } },
    });
  });

  afterAll(async () => {
    await gw?.close();
  });

  const gauge = async (name: string): Promise<number | null> => {
    const text = (await gw.http.get('/metrics')).text;
    const match = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text);
    return match ? Number(match[1]) : null;
  };

  it('shows as failing while it fails, then gets every callback it missed, signed, once each', async () => {
    gw.callbacks.failNext(8);
    const token = await login(gw);
    await gw.farEnd.setNumber('13300000001', { outcome: 'busy', ringMs: 100 });
    await playVoice(gw, token, { destnumber: '13300000001', voicetype: '1', voicefile: 'menu', customuuid: 'failing' });
    const call = await callOf(gw, 'failing');
    await gw.waitFor(async () => (await gauge('pbx_gateway_callback_receivers_failing')) === 1, 10000, 'the receiver reported as failing');
    expect(await gauge('pbx_gateway_outbox_pending')).toBeGreaterThanOrEqual(1);

    const cdr = await gw.waitFor(() => gw.callbacks.received().find((callback) => (callback.body as { uuid?: string }).uuid === call.id), 15000, 'the CDR delivered');
    expect(cdr.headers['x-pbx-signature']).toBe(callbackSignature(callbackSecret(SIGNING_KEY, 'sipcall/2028'), cdr.headers['x-pbx-timestamp']!, cdr.headers['idempotency-key']!, cdr.raw));
    expect(await gauge('pbx_gateway_callback_receivers_failing')).toBe(0);
    const [row] = await gw.query<{ attempts: number; delivered_at: Date | null }>('SELECT attempts, delivered_at FROM outbox WHERE id = $1', [cdr.headers['idempotency-key']]);
    expect(row!.attempts).toBe(8);
    expect(row!.delivered_at).not.toBeNull();
    expect(gw.callbacks.received().filter((callback) => callback.headers['idempotency-key'] === cdr.headers['idempotency-key'])).toHaveLength(1);
  });
});
