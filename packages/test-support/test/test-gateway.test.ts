import { request as httpRequest } from 'node:http';
import { AriContractViolation } from '../src/test-gateway';
import { startTestGateway } from '../src';

/** Sends an ARI request straight to the simulator, as a misbehaving client would. */
function rawAri(url: string, method: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const target = new URL(path, url);
    const req = httpRequest(target, { method, auth: 'gateway:gateway' }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the whole-gateway test harness', () => {
  it('runs the demo tenant on real Postgres and the simulator, and closes cleanly', async () => {
    const gateway = await startTestGateway();
    try {
      const health = await gateway.http.get('/health');
      expect(health.status).toBe(200);
      expect(JSON.parse(health.text)).toEqual({ status: 'ok', database: 'up', pbx: 'connected' });
      expect(await gateway.core.getAgentSession('1000')).toMatchObject({ conference: { number: '8600051' }, serverIp: '10.10.10.15' });
      const rows = await gateway.query<{ n: number }>('select count(*)::int as n from api_users');
      expect(rows[0]!.n).toBe(3);
    } finally {
      await gateway.close();
    }
  });

  it('fails the test file when the gateway sent ARI a request Asterisk 22 would not accept', async () => {
    const gateway = await startTestGateway();
    expect(await rawAri(gateway.sim.url, 'POST', '/ari/channels?endpoint=PJSIP/1000&app=pbx-gateway&bogus=1')).toBe(200);
    await expect(gateway.close()).rejects.toThrow(AriContractViolation);
  });
});
