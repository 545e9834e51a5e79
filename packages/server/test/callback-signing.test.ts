import { createHmac } from 'node:crypto';
import { callbackSecret, callbackSignature, createCallbackSigner, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../src/callbacks/callback-signing';

// What a receiver recomputes (docs/sip-call.md, "Verifying a callback").

const KEY = 'k'.repeat(40);

describe('callback secrets and signatures', () => {
  test("a receiver's secret is derived from the signing key and its name: stable, and different per name and per key", () => {
    const secret = callbackSecret(KEY, 'sipcall/2028');
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(callbackSecret(KEY, 'sipcall/2028')).toBe(secret);
    expect(callbackSecret(KEY, 'sipcall/2029')).not.toBe(secret);
    expect(callbackSecret(KEY, 'sipcall/2028/2')).not.toBe(secret);
    expect(callbackSecret('m'.repeat(40), 'sipcall/2028')).not.toBe(secret);
  });

  test('the signature is v1= and the hex HMAC-SHA256 of "<timestamp>.<idempotency key>.<body>"', () => {
    const body = '{"status":"ring"}';
    const expected = createHmac('sha256', 'secret').update(`1581124302.17.${body}`).digest('hex');
    expect(callbackSignature('secret', '1581124302', '17', body)).toBe(`v1=${expected}`);
    expect(callbackSignature('secret', '1581124303', '17', body)).not.toBe(`v1=${expected}`);
    expect(callbackSignature('secret', '1581124302', '18', body)).not.toBe(`v1=${expected}`);
  });

  test('the signer stamps the time of sending and signs with the secret of the name the message carries', () => {
    const sign = createCallbackSigner(KEY);
    const at = new Date('2020-02-08T01:11:42.900Z');
    const headers = sign({ idempotencyKey: '42', body: 'x', signingKey: 'sipcall/2028' }, at);
    expect(headers).toEqual({
      [TIMESTAMP_HEADER]: '1581124302',
      [SIGNATURE_HEADER]: callbackSignature(callbackSecret(KEY, 'sipcall/2028'), '1581124302', '42', 'x'),
    });
    // A retry a minute later carries its own time.
    expect(sign({ idempotencyKey: '42', body: 'x', signingKey: 'sipcall/2028' }, new Date(at.getTime() + 60_000))[TIMESTAMP_HEADER]).toBe('1581124362');
  });

  test('nothing is signed without a signing key, or for a message that names no secret', () => {
    expect(createCallbackSigner(null)({ idempotencyKey: '1', body: 'x', signingKey: 'sipcall/2028' }, new Date())).toEqual({});
    expect(createCallbackSigner(KEY)({ idempotencyKey: '1', body: 'x', signingKey: null }, new Date())).toEqual({});
  });
});
