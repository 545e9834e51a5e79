import request from 'supertest';
import { legOf } from '@pbx-gateway/test-support';
import { buildApp, DEMO_COMPANY, demoCore } from './support/app';
import type { SipcallCore } from './support/sipcall-core';
import { refusal, badRequest } from './support/wire-answers';

const CALL_SENT = '{"ret":200,"data":{"status":0,"desc":"Call command sent successfully","reqtime":1581307099,"rsptime":1581307099},"msg":""}';

describe('SpyCall and ForceCall over HTTP', () => {
  let core: SipcallCore;
  let token: string;
  const send = (fields: Record<string, string | undefined>) => {
    let test = request(buildApp(core)).post('/');
    for (const [name, value] of Object.entries({ token, ...fields })) if (value !== undefined) test = test.field(name, value);
    return test;
  };

  /** Extension 101 talking to a customer (a MakeCall, both sides answered). */
  async function talking101(): Promise<{ callId: string; sourceId: string; destinationId: string }> {
    await send({ service: 'App.Sip_Call.MakeCall', extnumber: '101', destnumber: '13333333333' });
    const callId = (await core.control.listLiveCalls())[0]!.call.id;
    const sourceId = (await legOf(core.t, callId, 'source')).id;
    await core.t.answer(sourceId);
    const destinationId = (await legOf(core.t, callId, 'destination')).id;
    await core.t.answer(destinationId);
    return { callId, sourceId, destinationId };
  }

  beforeEach(async () => {
    core = await demoCore();
    token = await core.tokenFor(DEMO_COMPANY.id);
  });

  describe('App.Sip_Call.SpyCall', () => {
    it.each([
      ['1', 'listen'],
      ['2', 'whisper'],
      ['4', 'barge'],
    ])('monitortype %s: the supervisor 100 is rung to join the call of 101 (%s)', async (monitortype, mode) => {
      await talking101();
      const response = await send({ service: 'App.Sip_Call.SpyCall', extnumber: '100', destnumber: '101', monitortype });
      expect(response.text).toBe(CALL_SENT);
      const supervision = (await core.control.listLiveCalls()).find(({ call }) => call.purpose === 'supervision')!;
      expect(supervision.call).toMatchObject({ progress: { mode }, origin: { dialect: 'sipcall', operation: 'SpyCall', apiUserId: DEMO_COMPANY.id } });
      expect(core.t.pbx.originated().at(-1)).toMatchObject({ endpoint: 'PJSIP/sip100', callerId: { number: '101' } });
    });

    it('monitortype 3 turns the whisper of 100 on the call of 101 back into listening', async () => {
      await talking101();
      expect((await send({ service: 'App.Sip_Call.SpyCall', extnumber: '100', destnumber: '101', monitortype: '2' })).text).toBe(CALL_SENT);
      expect((await send({ service: 'App.Sip_Call.SpyCall', extnumber: '100', destnumber: '101', monitortype: '3' })).text).toBe(CALL_SENT);
      const supervision = (await core.control.listLiveCalls()).find(({ call }) => call.purpose === 'supervision')!;
      expect(supervision.call).toMatchObject({ progress: { mode: 'listen' } });
    });

    it('monitortype 3 without a whisper of that supervisor on that call: 1003; another value: ret 400', async () => {
      await talking101();
      const stop = (extnumber: string, destnumber: string) => send({ service: 'App.Sip_Call.SpyCall', extnumber, destnumber, monitortype: '3' });
      expect((await stop('100', '101')).text).toBe(refusal('1003', 'Operation failed'));
      expect((await send({ service: 'App.Sip_Call.SpyCall', extnumber: '100', destnumber: '101', monitortype: '1' })).text).toBe(CALL_SENT);
      expect((await stop('100', '101')).text).toBe(refusal('1003', 'Operation failed'));
      expect((await stop('101', '100')).text).toBe(refusal('1003', 'Operation failed'));
      expect((await stop('999', '101')).text).toBe(refusal('1012', 'Extension does not exist'));
      expect((await send({ service: 'App.Sip_Call.SpyCall', extnumber: '100', destnumber: '101', monitortype: '5' })).text).toBe(
        badRequest('monitortype should be in 1\\/2\\/3\\/4, but now monitortype = 5'),
      );
    });

    it('an extension in no call: 1015; an unknown supervisor: 1012; missing parameters: ret 400', async () => {
      expect((await send({ service: 'App.Sip_Call.SpyCall', extnumber: '100', destnumber: '101', monitortype: '1' })).text).toBe(refusal('1015', 'Extension not in a call'));
      await talking101();
      expect((await send({ service: 'App.Sip_Call.SpyCall', extnumber: '999', destnumber: '101', monitortype: '1' })).text).toBe(refusal('1012', 'Extension does not exist'));
      expect((await send({ service: 'App.Sip_Call.SpyCall', extnumber: '100', monitortype: '1' })).text).toBe(badRequest('destnumber require, but miss'));
      expect((await send({ service: 'App.Sip_Call.SpyCall', extnumber: '100', destnumber: '101' })).text).toBe(badRequest('monitortype require, but miss'));
    });
  });

  describe('App.Sip_Call.ForceCall', () => {
    it('forcetype 1 barges in: the supervisor is rung to speak to both sides', async () => {
      await talking101();
      expect((await send({ service: 'App.Sip_Call.ForceCall', extnumber: '100', destnumber: '101', forcetype: '1' })).text).toBe(CALL_SENT);
      const supervision = (await core.control.listLiveCalls()).find(({ call }) => call.purpose === 'supervision')!;
      expect(supervision.call).toMatchObject({ progress: { mode: 'barge' }, origin: { operation: 'ForceCall' } });
    });

    it("forcetype 2 releases the extension's call", async () => {
      const { sourceId } = await talking101();
      core.t.pbx.clearCommands();
      expect((await send({ service: 'App.Sip_Call.ForceCall', extnumber: '100', destnumber: '101', forcetype: '2' })).text).toBe(CALL_SENT);
      expect(core.t.pbx.describe()).toEqual([`hangup ${sourceId}`]);
    });

    it('no call to act on: 1015; an unknown supervisor: 1012; forcetype outside 1/2: ret 400', async () => {
      expect((await send({ service: 'App.Sip_Call.ForceCall', extnumber: '100', destnumber: '101', forcetype: '2' })).text).toBe(refusal('1015', 'Extension not in a call'));
      expect((await send({ service: 'App.Sip_Call.ForceCall', extnumber: '100', destnumber: '101', forcetype: '1' })).text).toBe(refusal('1015', 'Extension not in a call'));
      expect((await send({ service: 'App.Sip_Call.ForceCall', extnumber: '999', destnumber: '101', forcetype: '2' })).text).toBe(refusal('1012', 'Extension does not exist'));
      expect((await send({ service: 'App.Sip_Call.ForceCall', extnumber: '100', destnumber: '101', forcetype: '3' })).text).toBe(
        badRequest('forcetype should be in 1\\/2, but now forcetype = 3'),
      );
    });
  });
});
