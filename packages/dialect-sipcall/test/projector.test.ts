import type { ApiUser, Call, Cdr, DomainEvent, Leg, NewOutboxMessage, StoreTransaction } from '@pbx-gateway/core';
import { createSipcallProjector, STATUS_TOPIC, CDR_TOPIC } from '@pbx-gateway/dialect-sipcall';

const company: ApiUser = {
  id: 'u-2028',
  realm: 'sipcall',
  login: 'demoappid',
  secretHash: 'x',
  active: true,
  permissions: ['*'],
  attributes: {
    companycode: '2028',
    companyname: 'test',
    statusCallbackUrl: 'http://crm.example/status',
    cdrCallbackUrl: 'http://crm.example/cdr',
    nodeIp: '149.129.249.47',
  },
  failedLogins: 0,
  lastFailedLoginAt: null,
};

// The seed's CDR example: started 12:32:38, answered 12:32:51, ended 12:33:01 Beijing time (UTC+8).
const started = new Date('2020-02-09T04:32:38.400Z');
const answered = new Date('2020-02-09T04:32:51.900Z');
const ended = new Date('2020-02-09T04:33:01.100Z');

const call: Call = {
  id: '3418035c-4af5-11ea-afb2-fbc8753285b6',
  purpose: 'voice_menu',
  progress: { stage: 'connected', transferKey: '1', groupName: 'extGroup-1', media: 'sound:ivr/menu', mediaName: 'ivr/menu', pressedKey: '1', answeredBy: null },
  direction: 'outbound',
  state: 'answered',
  agentId: null,
  tenant: '2028',
  fromNumber: '2190170001',
  toNumber: '85781218893',
  bridgeId: null,
  extension: null,
  createdAt: started,
  answeredAt: answered,
  endedAt: null,
  hangupCause: null,
  hangupCauseText: null,
  hangupSide: null,
  origin: { dialect: 'sipcall', operation: 'PlayVoice', apiUserId: company.id },
  data: { customuuid: '110001168', chengshudu: '1' },
};

const member: Leg = {
  id: `${call.id}.2`,
  callId: call.id,
  role: 'member',
  endpoint: 'PJSIP/sip100',
  channelName: 'PJSIP/sip100-00000002',
  context: 'default',
  state: 'ringing',
  callerNumber: call.toNumber,
  callerName: '',
  dialedNumber: '100',
  account: { kind: 'extension', id: 5 },
  createdAt: started,
  answeredAt: null,
  endedAt: null,
  cause: null,
  causeText: null,
  hangupRequested: false,
};

function cdrOf(overrides: Partial<Cdr> = {}): Cdr {
  return {
    id: 220739,
    callId: call.id,
    purpose: 'voice_menu',
    direction: 'outbound',
    tenant: '2028',
    agentId: null,
    fromNumber: call.fromNumber,
    toNumber: call.toNumber,
    extension: null,
    startedAt: started,
    answeredAt: answered,
    endedAt: ended,
    durationSec: 23,
    billsec: 9,
    hangupCause: 16,
    hangupCauseText: 'Normal Clearing',
    hangupSide: 'system',
    recordingFile: null,
    pressedKey: null,
    leadId: null,
    data: { ...call.data },
    ...overrides,
  };
}

function fakeTx(users: ApiUser[] = [company]) {
  const added: Array<NewOutboxMessage & { at: Date }> = [];
  const tx = {
    apiUsers: { get: async (id: string) => users.find((user) => user.id === id) ?? null },
    outbox: {
      add: async (message: NewOutboxMessage, at: Date) => {
        added.push({ ...message, at });
        return { ...message, id: String(added.length), createdAt: at, attempts: 0, nextAttemptAt: at, deliveredAt: null, lastError: null };
      },
    },
  } as unknown as StoreTransaction;
  return { tx, added };
}

const at = new Date('2020-02-09T04:32:45.000Z');

describe('Sip_Call projector', () => {
  it('writes a ring status callback with the seed keys in the seed order, all strings, then customuuid and type', async () => {
    const { tx, added } = fakeTx();
    await createSipcallProjector().project({ type: 'LegRinging', call, leg: member, at }, tx);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ topic: STATUS_TOPIC, url: 'http://crm.example/status', headers: { 'Content-Type': 'application/json' }, at });
    expect(added[0]!.body).toBe(
      '{"buuid":"3418035c-4af5-11ea-afb2-fbc8753285b6.2","callee":"85781218893","caller":"100","companycode":"2028","direction":"callout",' +
        '"disnumber":"2190170001","extnumber":"100","isbleg":"true","method":"3","starttime":"1581222758","status":"ring",' +
        '"uuid":"3418035c-4af5-11ea-afb2-fbc8753285b6","ip":"149.129.249.47","customuuid":"110001168","type":"call"}',
    );
  });

  it('answer and hangup statuses; exactly the 13 seed keys without the extras', async () => {
    const { tx, added } = fakeTx();
    const projector = createSipcallProjector({ callbacks: { statusExtras: false } });
    await projector.project({ type: 'LegAnswered', call, leg: { ...member, state: 'up' }, at }, tx);
    await projector.project({ type: 'LegEnded', call, leg: { ...member, state: 'ended' }, at }, tx);
    const bodies = added.map((message) => JSON.parse(message.body) as Record<string, string>);
    expect(bodies.map((body) => body.status)).toEqual(['answer', 'hangup']);
    expect(Object.keys(bodies[0]!)).toEqual(['buuid', 'callee', 'caller', 'companycode', 'direction', 'disnumber', 'extnumber', 'isbleg', 'method', 'starttime', 'status', 'uuid', 'ip']);
    for (const value of Object.values(bodies[0]!)) expect(typeof value).toBe('string');
  });

  it('sends no status callback for the customer leg, for other dialects, or without a receiver', async () => {
    const { tx, added } = fakeTx([{ ...company, attributes: { companycode: '2028' } }]);
    const projector = createSipcallProjector();
    await projector.project({ type: 'LegRinging', call, leg: { ...member, role: 'customer' }, at }, tx);
    await projector.project({ type: 'LegRinging', call: { ...call, origin: { dialect: 'voipsun', operation: 'originate', apiUserId: company.id } }, leg: member, at }, tx);
    await projector.project({ type: 'LegRinging', call, leg: member, at }, tx);
    await projector.project({ type: 'AgentLoggedOut', agentId: '1000', via: 'vicidial', reason: 'requested', at }, tx);
    expect(added).toHaveLength(0);
  });

  it('falls back to the settings for receivers and node IP', async () => {
    const { tx, added } = fakeTx([{ ...company, attributes: { companycode: '2028' } }]);
    const projector = createSipcallProjector({ callbacks: { statusCallbackUrl: 'http://fallback/s', nodeIp: '10.0.0.1' } });
    await projector.project({ type: 'LegRinging', call, leg: member, at }, tx);
    expect(added[0]!.url).toBe('http://fallback/s');
    expect(JSON.parse(added[0]!.body).ip).toBe('10.0.0.1');
  });

  it('writes the CDR callback with the seed keys in the seed order and the seed value types', async () => {
    const { tx, added } = fakeTx();
    const cdr = cdrOf();
    await createSipcallProjector().project({ type: 'CallEnded', call: { ...call, state: 'ended', endedAt: ended }, cdr, at: ended }, tx);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ topic: CDR_TOPIC, url: 'http://crm.example/cdr', headers: { 'Content-Type': 'application/json' } });
    expect(added[0]!.body).toBe(
      '{"answertime":"2020-02-09 12:32:51","hangupcause":10001,"duration":13,"id":220739,"extnumber":"",' +
        '"uuid":"3418035c-4af5-11ea-afb2-fbc8753285b6","downloadip":"149.129.249.47","customuuid":"110001168","chengshudu":"1",' +
        '"callmethod":6,"recordfilename":"","companycode":2028,"memberid":"0","hangupdirection":10040,"billsec":10,' +
        '"endtime":"2020-02-09 12:33:01","starttime":"2020-02-09 12:32:38","type":"callout","disnumber":"2190170001","crmid":"0",' +
        '"userkey":"","destnumber":"85781218893"}',
    );
  });

  it('an unanswered call: empty answertime, duration = end − start, billsec 0, cause "not answered"', async () => {
    const { tx, added } = fakeTx();
    const cdr = cdrOf({ answeredAt: null, hangupCause: 19, hangupSide: 'callee', data: {} });
    await createSipcallProjector().project({ type: 'CallEnded', call, cdr, at: ended }, tx);
    const body = JSON.parse(added[0]!.body) as Record<string, unknown>;
    expect(body).toMatchObject({ answertime: '', duration: 23, billsec: 0, hangupcause: 10020, hangupdirection: 10040, customuuid: '0', chengshudu: '0', memberid: '0', userkey: '' });
  });

  it('the extension that answered, the key pressed, the caller side hanging up, and unknown causes', async () => {
    const { tx, added } = fakeTx();
    const projector = createSipcallProjector();
    await projector.project({ type: 'CallEnded', call, cdr: cdrOf({ extension: '101', hangupSide: 'caller', hangupCause: 99, pressedKey: '1', data: { ...call.data, memberid: 'M-7' } }), at: ended }, tx);
    await projector.project({ type: 'CallEnded', call, cdr: cdrOf({ answeredAt: null, hangupCause: 99 }), at: ended }, tx);
    const [first, second] = added.map((message) => JSON.parse(message.body) as Record<string, unknown>);
    expect(first).toMatchObject({ extnumber: '101', userkey: '1', memberid: 'M-7', hangupdirection: 10015, hangupcause: 10001 });
    expect(second).toMatchObject({ hangupcause: 10020 });
  });

  it('configurable time zone, cause and direction tables, companycode as a string', async () => {
    const { tx, added } = fakeTx();
    const projector = createSipcallProjector({
      callbacks: { timeZone: 'UTC', hangupCauses: { '16': 12345 }, hangupDirections: { caller: 1, callee: 2, system: 3 }, cdrCompanycodeAsNumber: false },
    });
    await projector.project({ type: 'CallEnded', call, cdr: cdrOf(), at: ended }, tx);
    expect(JSON.parse(added[0]!.body)).toMatchObject({ starttime: '2020-02-09 04:32:38', hangupcause: 12345, hangupdirection: 3, companycode: '2028' });
  });

  it('ignores events of other dialects and every other event type', async () => {
    const { tx, added } = fakeTx();
    const projector = createSipcallProjector();
    const other: DomainEvent[] = [
      { type: 'CallEnded', call: { ...call, origin: { dialect: 'vicidial', operation: 'x', apiUserId: null } }, cdr: cdrOf(), at },
      { type: 'PlaybackStarted', playbackId: 'p', agentId: null, callId: call.id, at },
      { type: 'AgentStateChanged', agentId: '1000', from: 'ready', to: 'paused', reason: null, at },
    ];
    for (const event of other) await projector.project(event, tx);
    expect(added).toHaveLength(0);
  });

  describe('calls of MakeCall and DoubleCall (click-to-call)', () => {
    const clickToCall: Call = {
      ...call,
      purpose: 'click_to_call',
      progress: { stage: 'connected', trunkId: 1, destinationEndpoint: 'PJSIP/85781218893@upc', destinationCallerId: '2120280001', destinationRingSec: null },
      fromNumber: '2120280100',
      extension: '100',
      origin: { dialect: 'sipcall', operation: 'MakeCall', apiUserId: company.id },
      data: { customuuid: 'c-1', crmid: 'crm-7' },
    };
    const source: Leg = { ...member, id: `${call.id}.1`, role: 'source' };
    const destination: Leg = { ...member, id: `${call.id}.2`, role: 'destination', endpoint: 'PJSIP/85781218893@upc', dialedNumber: '85781218893', account: { kind: 'trunk', id: 1 } };

    it("the extension's side is the A leg (buuid empty, isbleg false), the customer's the B leg; both name the extension", async () => {
      const { tx, added } = fakeTx();
      const projector = createSipcallProjector();
      await projector.project({ type: 'LegRinging', call: clickToCall, leg: source, at }, tx);
      await projector.project({ type: 'LegAnswered', call: clickToCall, leg: destination, at }, tx);
      expect(added.map((message) => message.body)).toEqual([
        '{"buuid":"","callee":"85781218893","caller":"100","companycode":"2028","direction":"callout","disnumber":"2120280001",' +
          '"extnumber":"100","isbleg":"false","method":"3","starttime":"1581222758","status":"ring","uuid":"3418035c-4af5-11ea-afb2-fbc8753285b6",' +
          '"ip":"149.129.249.47","customuuid":"c-1","type":"call"}',
        '{"buuid":"3418035c-4af5-11ea-afb2-fbc8753285b6.2","callee":"85781218893","caller":"100","companycode":"2028","direction":"callout",' +
          '"disnumber":"2120280001","extnumber":"100","isbleg":"true","method":"3","starttime":"1581222758","status":"answer",' +
          '"uuid":"3418035c-4af5-11ea-afb2-fbc8753285b6","ip":"149.129.249.47","customuuid":"c-1","type":"call"}',
      ]);
    });

    it('a DoubleCall reports method 4, and its CDR callmethod 4; MakeCall callmethod 3; the presented number and crmid in the CDR', async () => {
      const { tx, added } = fakeTx();
      const projector = createSipcallProjector();
      const doubleCall: Call = { ...clickToCall, origin: { ...clickToCall.origin, operation: 'DoubleCall' } };
      await projector.project({ type: 'LegEnded', call: doubleCall, leg: source, at }, tx);
      const cdr = cdrOf({ purpose: 'click_to_call', fromNumber: '2120280100', extension: '100', hangupSide: 'caller', data: clickToCall.data });
      await projector.project({ type: 'CallEnded', call: doubleCall, cdr, at: ended }, tx);
      await projector.project({ type: 'CallEnded', call: clickToCall, cdr, at: ended }, tx);
      const [status, doubleCdr, makeCdr] = added.map((message) => JSON.parse(message.body) as Record<string, unknown>);
      expect(status).toMatchObject({ method: '4', status: 'hangup', isbleg: 'false' });
      expect(doubleCdr).toMatchObject({ callmethod: 4, disnumber: '2120280001', extnumber: '100', crmid: 'crm-7', customuuid: 'c-1', hangupdirection: 10015, type: 'callout' });
      expect(makeCdr).toMatchObject({ callmethod: 3 });
    });
  });

  it('refuses an unknown time zone at creation', () => {
    expect(() => createSipcallProjector({ callbacks: { timeZone: 'Mars/Olympus' } })).toThrow('unknown time zone');
  });
});
