import request from 'supertest';
import { legOf } from '@pbx-gateway/test-support';
import { buildApp, DEMO_COMPANY, demoCore } from './support/app';
import type { SipcallCore } from './support/sipcall-core';
import { refusal } from './support/wire-answers';

const answer = (result: string): string =>
  `{"ret":200,"data":{"status":0,"desc":"Query successful","result":${result},"reqtime":1581307099,"rsptime":1581307099},"msg":""}`;
const TOKEN_INVALID = '{"ret":600,"data":[],"msg":"Token invalid, please log in again"}';

describe('Sip_Status and Sip_Sipnum services over HTTP', () => {
  let core: SipcallCore;
  let token: string;
  const send = (fields: Record<string, string | undefined>) => {
    let test = request(buildApp(core)).post('/');
    for (const [name, value] of Object.entries({ token, ...fields })) if (value !== undefined) test = test.field(name, value);
    return test;
  };
  /** Phone of extension 100 (sip100) registered, 101's not. */
  const registerPhones = () => {
    core.t.pbx.endpointList = [
      { endpoint: 'PJSIP/sip100', technology: 'PJSIP', resource: 'sip100', online: true, channelIds: [] },
      { endpoint: 'PJSIP/sip101', technology: 'PJSIP', resource: 'sip101', online: false, channelIds: [] },
    ];
  };

  beforeEach(async () => {
    core = await demoCore();
    token = await core.tokenFor(DEMO_COMPANY.id);
    registerPhones();
  });

  describe('App.Sip_Status.GetSipValidStatus', () => {
    it('1016 for each extension of the list, 1012 for a number that is none, in the list order, each once', async () => {
      const response = await send({ service: 'App.Sip_Status.GetSipValidStatus', extnumber: '101,999,100,101' });
      expect(response.headers['content-type']).toBe('application/json;charset=utf-8');
      expect(response.text).toBe(answer('[{"extnumber":"101","code":1016},{"extnumber":"999","code":1012},{"extnumber":"100","code":1016}]'));
    });

    it('parameter errors (ret 400) before the token; a bad token 600', async () => {
      expect((await send({ service: 'App.Sip_Status.GetSipValidStatus' })).text).toBe('{"ret":400,"data":[],"msg":"Bad Request: extnumber require, but miss"}');
      expect((await send({ service: 'App.Sip_Status.GetSipValidStatus', extnumber: '100,,101' })).text).toBe(
        '{"ret":400,"data":[],"msg":"Bad Request: extnumber must be an extension number"}',
      );
      expect((await send({ service: 'App.Sip_Status.GetSipValidStatus', extnumber: '100', token: 'x' })).text).toBe(TOKEN_INVALID);
    });
  });

  describe('App.Sip_Status.GetSipRegisterStatus', () => {
    it('1017 registered, 1014 not registered, 1012 no such extension', async () => {
      const response = await send({ service: 'App.Sip_Status.GetSipRegisterStatus', extnumber: '100,101,999' });
      expect(response.text).toBe(
        answer('[{"clientip":"","extnumber":"100","code":1017},{"clientip":"","extnumber":"101","code":1014},{"clientip":"","extnumber":"999","code":1012}]'),
      );
    });

    it('the engine away: 1001', async () => {
      core.t.pbx.setAvailable(false);
      expect((await send({ service: 'App.Sip_Status.GetSipRegisterStatus', extnumber: '100' })).text).toBe(refusal('1001', 'Could not connect to the telephony server'));
    });
  });

  describe('App.Sip_Status.GetSipCallStatus', () => {
    const status = (extnumber: string) => send({ service: 'App.Sip_Status.GetSipCallStatus', extnumber });

    it('1201 idle when registered, 1200 offline when not, 1012 for no extension', async () => {
      expect((await status('100,101,999')).text).toBe(
        answer(
          '[{"extnumber":"100","status":1201,"idleduration":0,"callduration":0,"direction":"","caller":"","callee":""},' +
            '{"extnumber":"101","status":1200,"idleduration":0,"callduration":0,"direction":"","caller":"","callee":""},' +
            '{"extnumber":"999","status":1012,"idleduration":0,"callduration":0,"direction":"","caller":"","callee":""}]',
        ),
      );
    });

    it('a MakeCall of 100: ringing (1202), off-hook while the customer rings (1203), in call with its duration (1204)', async () => {
      await send({ service: 'App.Sip_Call.MakeCall', extnumber: '100', destnumber: '13333333333' });
      const callId = (await core.control.listLiveCalls())[0]!.call.id;
      const source = await legOf(core.t, callId, 'source');
      await core.t.ring(source.id);
      const of100 = async () => JSON.parse((await status('100')).text).data.result[0] as Record<string, unknown>;
      expect(await of100()).toEqual({ extnumber: '100', status: 1202, idleduration: 0, callduration: 0, direction: 'callout', caller: '100', callee: '13333333333' });
      await core.t.answer(source.id);
      expect(await of100()).toMatchObject({ status: 1203, callduration: 0 });
      await core.t.answer((await legOf(core.t, callId, 'destination')).id);
      await core.t.advance(42_000);
      expect(await of100()).toEqual({ extnumber: '100', status: 1204, idleduration: 0, callduration: 42, direction: 'callout', caller: '100', callee: '13333333333' });
    });

    it("idleduration: seconds since the extension's phone last left a call (0 before any)", async () => {
      const of100 = async () => JSON.parse((await status('100')).text).data.result[0] as Record<string, unknown>;
      await core.t.advance(60_000);
      expect(await of100()).toMatchObject({ status: 1201, idleduration: 0 });
      await send({ service: 'App.Sip_Call.MakeCall', extnumber: '100', destnumber: '13333333333' });
      const callId = (await core.control.listLiveCalls())[0]!.call.id;
      const source = await legOf(core.t, callId, 'source');
      await core.t.answer(source.id);
      await core.t.answer((await legOf(core.t, callId, 'destination')).id);
      await core.t.advance(10_000);
      await core.t.endLeg(source.id);
      await core.t.confirmHangups();
      expect(await of100()).toEqual({ extnumber: '100', status: 1201, idleduration: 0, callduration: 0, direction: '', caller: '', callee: '' });
      await core.t.advance(75_000);
      expect(await of100()).toEqual({ extnumber: '100', status: 1201, idleduration: 75, callduration: 0, direction: '', caller: '', callee: '' });
      core.t.pbx.endpointList = [];
      expect(await of100()).toMatchObject({ status: 1200, idleduration: 75 });
    });
  });

  describe('App.Sip_Sipnum.GetSipnumberInfo', () => {
    const info = (fields: Record<string, string | undefined>) => send({ service: 'App.Sip_Sipnum.GetSipnumberInfo', ...fields });

    it('every enabled extension by default (status 1) and with status 3, with its registration', async () => {
      const all = answer('[{"extnumber":"100","password":"","status":1016,"register":"reg"},{"extnumber":"101","password":"","status":1016,"register":"nreg"}]');
      expect((await info({})).text).toBe(all);
      expect((await info({ status: '1' })).text).toBe(all);
      expect((await info({ status: '3' })).text).toBe(all);
    });

    it('status 2 (disabled) lists none; extnumber narrows the list', async () => {
      expect((await info({ status: '2' })).text).toBe(answer('[]'));
      expect((await info({ extnumber: '101,999' })).text).toBe(answer('[{"extnumber":"101","password":"","status":1016,"register":"nreg"}]'));
      expect((await info({ extnumber: '999' })).text).toBe(answer('[]'));
    });

    it('a status outside 1/2/3: ret 400', async () => {
      expect((await info({ status: '4' })).text).toBe('{"ret":400,"data":[],"msg":"Bad Request: status should be in 1\\/2\\/3, but now status = 4"}');
    });
  });
});
