import { sharedCcgatewayGateway } from './integration-support';
import { BASE, failure } from './wire-client';

const AG = `${BASE}/onlineagent`;
const SIGN_IN_102 = { password: 'Agent@102', phonenum: '102' };

describe('CC-Gateway forced sign-in over a session signed in through another dialect', () => {
  const gateway = sharedCcgatewayGateway();

  afterEach(async () => {
    if (await gateway().core.getAgentSession('102')) await gateway().core.logoutAgent({ agentId: '102', whenInCall: 'force' });
    await gateway().core.idle();
  });

  test('sign-in answers 100-002; forcelogin replaces the VoIPSUN session with a CC-Gateway one whose poll starts with InService, Ready', async () => {
    await gateway().core.loginAgent({ agentId: '102', via: 'voipsun', device: 'PJSIP/102', phoneNumber: '102' });
    expect((await gateway().http.put(`${AG}/102`).send(SIGN_IN_102)).text).toBe(failure('100-002', 'agent already signed in'));
    const res = await gateway().http.put(`${AG}/102/forcelogin`).send(SIGN_IN_102);
    expect(res.text).toMatch(/^\{"message":"","retcode":"0","result":\{"vdnid":1,"workno":"102","mediatype":"TFF","loginTime":"\d+","isForceChange":"false","serverName":"AgentGateway","timeRemaining":""\}\}$/);
    expect(await gateway().core.getAgentSession('102')).toMatchObject({ loginVia: 'ccgateway', phoneNumber: '102' });
    const guid = String(res.headers['set-guid']).slice('JSESSIONID='.length);
    const first = await gateway().http.get(`${BASE}/agentevent/102`).set('Guid', guid);
    expect(first.text).toMatch(/^\{"message":"","retcode":"0","event":\{"eventType":"AgentOther_InService","workNo":"102","content":null,"eventGenTime":\d+\}\}$/);
  });
});
