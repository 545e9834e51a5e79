import { createTestDatabase, startAsterisk, startGatewayProcess, waitFor, type GatewayProcess, type RunningAsterisk, type TestDatabase } from '@pbx-gateway/test-support';

/**
 * The gateway process against the real Asterisk: its output stays one JSON
 * object per line, ari-client's note about Asterisk's Swagger 1.1 included.
 */
describe('the gateway process on the real Asterisk', () => {
  let asterisk: RunningAsterisk;
  let database: TestDatabase;
  let gateway: GatewayProcess | null = null;

  beforeAll(async () => {
    asterisk = await startAsterisk();
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await gateway?.stop();
    await database?.drop();
    await asterisk?.close();
  });

  it('connects, and writes nothing that is not a JSON log line', async () => {
    gateway = await startGatewayProcess({
      databaseUrl: database.url,
      ariUrl: asterisk.url,
      env: { ARI_USER: asterisk.user, ARI_PASSWORD: asterisk.password },
    });
    const running = gateway;
    await waitFor(() => running.logs().some((line) => line.msg === 'pbx-ari: connected to the engine'), 20000, 'the gateway to connect to Asterisk');
    expect(running.logs().find((line) => line.msg === 'pbx-ari: note from the ARI client')).toMatchObject({ note: expect.stringContaining('deprecated version of Swagger') });
    expect(running.strayOutput()).toBe('');
  });
});
