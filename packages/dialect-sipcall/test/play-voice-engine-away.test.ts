// Runs on pbx-sim only: the engine refuses connections on command, which a real Asterisk cannot be told to do.
import { startTestGateway, type TestGateway } from '@pbx-gateway/test-support';
import { login, playVoice } from './support/integration';

describe('Sip_Call PlayVoice while the telephony engine is away', () => {
  let gw: TestGateway;
  let token: string;

  beforeAll(async () => {
    gw = await startTestGateway();
    token = await login(gw);
  });

  afterAll(async () => {
    await gw?.close();
  });

  it('the telephony engine away: PlayVoice answers 1001 quickly', async () => {
    const refusing = gw.sim.control.refuseConnections(1500);
    try {
      await gw.waitFor(() => !gw.core.pbxAvailable(), 5000, 'engine unavailable');
      const response = await playVoice(gw, token, { customuuid: 'pbx-down' });
      expect(JSON.parse(response.text)).toMatchObject({ ret: 200, data: { status: 1, errors: { code: '1001', codemsg: 'Could not connect to the telephony server' } }, msg: '' });
    } finally {
      await refusing;
      await gw.waitFor(() => gw.core.pbxAvailable(), 15000, 'engine back');
    }
  });
});
