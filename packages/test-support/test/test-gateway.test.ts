import { closeLeftoverGateways, gatewaysLeft, startTestGateway } from '../src';

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
    expect(gatewaysLeft()).toBe(0);
  }, 60000);

  it('closes a gateway whose test stopped waiting while it started, once its start ends', async () => {
    // As a test that times out in the middle of startTestGateway: nobody will ever close what it returns.
    const abandoned = startTestGateway();
    expect(gatewaysLeft()).toBe(1);
    await closeLeftoverGateways();
    const gateway = await abandoned;
    expect(gatewaysLeft()).toBe(0);
    await expect(gateway.engineChannels()).rejects.toThrow();
    await expect(gateway.query('select 1')).rejects.toThrow();
  }, 60000);

  it('closes a gateway a test left open, and a second close is harmless', async () => {
    const gateway = await startTestGateway();
    expect(gatewaysLeft()).toBe(1);
    await closeLeftoverGateways();
    expect(gatewaysLeft()).toBe(0);
    await expect(gateway.engineChannels()).rejects.toThrow();
    await gateway.close();
  }, 60000);
});
