import supertest from 'supertest';
import type { Errno } from '../../src';
import { appWith, createVoipsunCore, storeRecordedCall, type VoipsunCore } from '../support/voipsun-core';
import { sendGarbage, type GarbageCase } from '../support/garbage';

/** Mutated requests per action, against the dialect alone (over the test core); see ../integration for the whole stack. */
const COUNT = 300;
const COMMON: Errno[] = ['100', '110', '120'];
const SUCCESS_ONLY = /^\{"success":"true"\}$/;

let fake: VoipsunCore;
let http: ReturnType<typeof supertest>;

beforeEach(async () => {
  fake = await createVoipsunCore();
  http = supertest(appWith(fake));
});

/** Extension 100 ringing: its channel PJSIP/sip100-00000001 is live, for hangupcall to find. */
async function extensionRinging(): Promise<void> {
  fake.t.pbx.setPhone('sip100', { outcome: 'noanswer' });
  await http.get('/api/api.php?username=voipsun&password=secretpwd&action=originate&srcExtenId=5&dstNum=800123456');
  await fake.t.settle();
}

const cases: GarbageCase[] = [
  {
    action: 'originate',
    seed: 4001,
    valid: [
      ['username', 'voipsun'],
      ['password', 'secretpwd'],
      ['action', 'originate'],
      ['srcExtenInternalNum', '100'],
      ['dstNum', '800123456'],
      ['customCDR1', 'crm-1'],
      ['dialerCid', 'customCDR1'],
      ['checkExten', '1'],
      ['srcRingTimeout', '20'],
    ],
    allowed: [...COMMON, '200', '201', '202', '203', '220', '221', '225', '226', '227', '228', '250', '900'],
    success: SUCCESS_ONLY,
  },
  {
    action: 'hangupcall',
    seed: 4002,
    valid: [
      ['username', 'voipsun'],
      ['password', 'secretpwd'],
      ['action', 'hangupcall'],
      ['channelName', 'SIP\\sip100-00000001'],
    ],
    allowed: [...COMMON, '400', '900'],
    success: SUCCESS_ONLY,
  },
  {
    action: 'listcalls',
    seed: 4003,
    valid: [
      ['username', 'voipsun'],
      ['password', 'secretpwd'],
      ['action', 'listcalls'],
    ],
    allowed: [...COMMON, '900'],
    success: /^\{"success":"true","total":"0","results":\[\]\}$/,
  },
  {
    action: 'agentlogin',
    seed: 4004,
    valid: [
      ['username', 'voipsun'],
      ['password', 'secretpwd'],
      ['action', 'agentlogin'],
      ['srcExtenInternalNum', '100'],
      ['agentNumber', '1000'],
      ['agentPin', '1234'],
    ],
    allowed: [...COMMON, '500', '501', '502', '503', '504'],
    success: SUCCESS_ONLY,
  },
  {
    action: 'agentadd',
    seed: 4005,
    valid: [
      ['username', 'voipsun'],
      ['password', 'secretpwd'],
      ['action', 'agentadd'],
      ['agentNumber', '1000'],
      ['agentPin', '1234'],
      ['queueName', 'FrontaIT'],
      ['penalty', '1'],
    ],
    allowed: [...COMMON, '600', '601'],
    success: SUCCESS_ONLY,
  },
  {
    action: 'agentstatus',
    seed: 4006,
    valid: [
      ['username', 'voipsun'],
      ['password', 'secretpwd'],
      ['action', 'agentstatus'],
      ['agentNumber', '1000'],
      ['agentPin', '1234'],
    ],
    allowed: [...COMMON, '620'],
    success: /^\{"success":"true","reason":"Agent 1000 is logged in\. Line is free"\}$/,
  },
  {
    action: 'queuestatus',
    seed: 4007,
    valid: [
      ['username', 'voipsun'],
      ['password', 'secretpwd'],
      ['action', 'queuestatus'],
      ['queueName', 'FrontaIT'],
    ],
    allowed: [...COMMON, '600'],
    success: /^\{"success":"true","results":\[\{"queueName":"FrontaIT",.*\}\]\}$/,
  },
  {
    action: 'moverecord',
    seed: 4008,
    valid: [
      ['username', 'voipsun'],
      ['password', 'secretpwd'],
      ['action', 'moverecord'],
      ['cdrId', '1'],
      ['filename', 'new_record.wav'],
      ['path', '/var/spool/asterisk/recording/2018'],
    ],
    allowed: [...COMMON, '800', '801', '810', '811', '812'],
    success: SUCCESS_ONLY,
  },
];

/** Agent 1000 logged in from extension 100, for the actions that work on a logged-in agent. */
async function agentLoggedIn(): Promise<void> {
  await http.get('/api/api.php?username=voipsun&password=secretpwd&action=agentlogin&srcExtenInternalNum=100&agentNumber=1000&agentPin=1234');
}

describe.each(cases)('generated garbage: $action', (garbageCase) => {
  test(`${COUNT} mutated requests each get a VoIPSUN answer, never errno 999`, async () => {
    if (garbageCase.action === 'hangupcall') await extensionRinging();
    if (garbageCase.action === 'agentadd' || garbageCase.action === 'agentstatus') await agentLoggedIn();
    if (garbageCase.action === 'moverecord') expect(await storeRecordedCall(fake, '20240501-100000_1000_abc')).toBe(1);
    const { failures, outcomes } = await sendGarbage(http, garbageCase, COUNT);
    expect(failures).toEqual([]);
    // The generator reaches both sides: requests that still work and several kinds of refusal.
    expect(outcomes.has('success')).toBe(true);
    expect(outcomes.size).toBeGreaterThanOrEqual(3);
    expect(fake.logged.filter((line) => line.level === 'error')).toEqual([]);
  });
});
