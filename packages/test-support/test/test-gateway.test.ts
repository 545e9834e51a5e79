import { startTestGateway } from '../src';

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
    // As long as the dialect suites give their shared gateway to start: a test that gives up while it is still
    // starting leaves it running in its worker.
  }, 60000);
});
