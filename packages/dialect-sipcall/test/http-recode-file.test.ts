import request from 'supertest';
import { storeRows } from '@pbx-gateway/test-support';
import { buildApp, DEMO_COMPANY, demoCore } from './support/app';
import type { SipcallCore } from './support/sipcall-core';
import { badRequest } from './support/wire-answers';

const answer = (result: string): string =>
  `{"ret":200,"data":{"status":0,"desc":"Query successful","result":${result},"reqtime":1581307099,"rsptime":1581307099},"msg":""}`;
const NOT_FOUND =
  '{"ret":200,"data":{"status":1,"desc":"File does not exist","errors":{"code":"1029","codemsg":"File does not exist"},"reqtime":1581307099,"rsptime":1581307099},"msg":""}';

describe('App.Sip_Cdr.GetRecodeFile over HTTP', () => {
  let core: SipcallCore;
  let token: string;
  const send = (fields: Record<string, string | undefined>, settings = {}) => {
    let test = request(buildApp(core, settings)).post('/');
    for (const [name, value] of Object.entries({ token, service: 'App.Sip_Cdr.GetRecodeFile', ...fields })) if (value !== undefined) test = test.field(name, value);
    return test;
  };
  /** A finished call of `tenant` whose CDR names its recording `file`. */
  const recordedCall = async (callId: string, tenant: string, file: string) => {
    await core.t.store.direct.calls.insert(storeRows.call(callId, { tenant }));
    await core.t.store.direct.cdrs.insert(storeRows.cdr(callId, { tenant, recordingFile: file }));
  };

  beforeEach(async () => {
    core = await demoCore();
    token = await core.tokenFor(DEMO_COMPANY.id);
    await recordedCall('rec-1', '2028', '2020/02/10/call-1.wav');
    await recordedCall('rec-2', '3030', '2020/02/10/call-2.wav');
  });

  it("the download address of the company's recording, on its node", async () => {
    expect((await send({ filename: '2020/02/10/call-1.wav' })).text).toBe(
      answer('{"recordfilename":"2020\\/02\\/10\\/call-1.wav","recordurl":"http:\\/\\/149.129.249.47\\/2020\\/02\\/10\\/call-1.wav"}'),
    );
  });

  it('the address template of the settings, with the company downloadIp', async () => {
    await core.changeUser(DEMO_COMPANY.id, { attributes: { ...DEMO_COMPANY.attributes, downloadIp: 'files.example.com:8443' } });
    expect((await send({ filename: '2020/02/10/call-1.wav' }, { recordingUrl: 'https://{downloadip}/recordings/{recordfilename}' })).text).toBe(
      answer('{"recordfilename":"2020\\/02\\/10\\/call-1.wav","recordurl":"https:\\/\\/files.example.com:8443\\/recordings\\/2020\\/02\\/10\\/call-1.wav"}'),
    );
  });

  it("1029 for another company's recording and for a name no CDR carries", async () => {
    expect((await send({ filename: '2020/02/10/call-2.wav' })).text).toBe(NOT_FOUND);
    expect((await send({ filename: 'nothing.wav' })).text).toBe(NOT_FOUND);
  });

  it('parameter errors (ret 400) before the token; a bad token 600', async () => {
    expect((await send({ token: 'x' })).text).toBe(badRequest('filename require, but miss'));
    for (const filename of ['../etc/passwd', 'a/../b.wav', '/abs.wav', 'a//b.wav', 'a b.wav', 'x.wav?y=1', 'a/./b.wav']) {
      expect((await send({ filename, token: 'x' })).text).toBe(badRequest('filename must be the name of a recording'));
    }
    expect((await send({ filename: `${'a'.repeat(256)}` })).text).toBe(badRequest('filename.len should <= 255, but now filename.len = 256'));
    expect((await send({ filename: 'nothing.wav', token: 'x' })).text).toBe('{"ret":600,"data":[],"msg":"Token invalid, please log in again"}');
  });

  it('Chinese texts', async () => {
    expect((await send({ filename: 'nothing.wav' }, { language: 'zh' })).text).toBe(
      '{"ret":200,"data":{"status":1,"desc":"\\u6587\\u4ef6\\u4e0d\\u5b58\\u5728","errors":{"code":"1029","codemsg":"\\u6587\\u4ef6\\u4e0d\\u5b58\\u5728"},"reqtime":1581307099,"rsptime":1581307099},"msg":""}',
    );
  });
});
