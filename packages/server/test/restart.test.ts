import supertest from 'supertest';
import { restartableDemoGateway } from './support/restartable-gateway';

const VICIDIAL = '/agc/api.php?source=test&user=6666&pass=1234&agent_user=1000';
const VOIPSUN = '/api/api.php?username=voipsun&password=secretpwd';

describe('a restart of the gateway', () => {
  const { start, stop, sim } = restartableDemoGateway();

  it('keeps agent sessions, their state and their CC-Gateway GUIDs', async () => {
    const first = await start();
    const paused = await supertest(first.app).get(`${VICIDIAL}&function=external_pause&value=PAUSE`);
    expect(paused.text).toMatch(/^SUCCESS: external_pause function set - PAUSE\|\d+\|1000\n$/);
    const signIn = await supertest(first.app)
      .put('/agentgateway/resource/onlineagent/101')
      .set('Content-Type', 'application/json; charset=UTF-8')
      .send('{"password":"","phonenum":"40038","status":"4","releasephone":"false","agenttype":"4"}');
    const guid = String(signIn.headers['set-guid']).replace('JSESSIONID=', '');
    await stop();

    const second = await start();
    expect(await second.core.getAgentSession('1000')).toMatchObject({ state: 'paused', conference: { number: '8600051' } });
    expect(await second.core.getAgentSession('101')).toMatchObject({ state: 'ready', loginVia: 'ccgateway', phoneNumber: '40038' });
    const poll = await supertest(second.app).get('/agentgateway/resource/agentevent/101').set('Guid', guid);
    expect(JSON.parse(poll.text)).toMatchObject({ retcode: '0', event: { eventType: 'AgentOther_InService', workNo: '101' } });
    const resumed = await supertest(second.app).get(`${VICIDIAL}&function=external_pause&value=RESUME`);
    expect(resumed.text).toMatch(/^SUCCESS: external_pause function set - RESUME\|\d+\|1000\n$/);
    // The agent's phone stayed in its conference while the gateway was away.
    const calls = JSON.parse((await supertest(second.app).get(`${VOIPSUN}&action=listcalls`)).text) as { results: Array<{ channelName: string }> };
    expect(calls.results.map((leg) => leg.channelName)).toEqual([expect.stringMatching(/^PJSIP\/1000-/)]);
  });

  it('ends with their CDRs the calls the engine lost while the gateway was away', async () => {
    const first = await start();
    const originate = await supertest(first.app).get(`${VOIPSUN}&action=originate&srcExtenInternalNum=100&dstNum=800123456`);
    expect(originate.text).toBe('{"success":"true"}');
    const [{ call }] = (await first.core.listLiveCalls()).filter((live) => live.call.purpose === 'click_to_call');
    await first.core.idle();
    await stop();
    expect(await sim().control.forgetCalls()).toBeGreaterThan(0);

    const second = await start();
    await second.core.idle();
    const cdr = await second.core.getCdrOfCall(call!.id);
    expect(cdr).toMatchObject({ callId: call!.id, purpose: 'click_to_call', toNumber: '800123456' });
    expect((await second.core.listLiveCalls()).filter((live) => live.call.id === call!.id)).toEqual([]);
    // The demo agent's phone, forgotten by the engine, is rung into its conference again.
    const session = await second.core.getAgentSession('1000');
    const phone = await second.core.getCall(session!.conference!.agentLegId!.replace(/\.\d+$/, ''));
    expect(phone?.legs[0]).toMatchObject({ endpoint: 'PJSIP/1000' });
    await second.core.idle();
    await expect(second.core.listLiveCalls()).resolves.toEqual([expect.objectContaining({ call: expect.objectContaining({ purpose: 'agent_phone' }) })]);
  });
});
