import type { CallOf, DidChanges, Phone } from '../src';
import { agent, trunk, loginPlain, createTestCore, type TestCore } from '@pbx-gateway/test-support';

// The routes of a DID other than IN_GROUP: AGENT (the agent's queue, or its
// fallback while the agent is not signed in), EXTEN and PHONE (dialled, the
// caller answered when they answer).

const CALLER = '1718000000.42';
const DID = '2125550100';

async function setup(changes: DidChanges): Promise<TestCore> {
  const t = await createTestCore({
    directory: {
      agents: [agent('1000'), agent('1001')],
      queues: [
        { name: 'SALESLINE', strategy: 'longest_wait_time', mohClass: 'jazz' },
        { name: 'AGENTDIRECT', strategy: 'longest_wait_time' },
      ],
      didRoutes: [{ did: DID, queueName: 'SALESLINE' }],
      trunks: [trunk(1)],
    },
  });
  await t.core.updateDid({ pattern: DID, changes });
  return t;
}

const phone = (extension: string, values: Partial<Phone> = {}): Phone => ({
  extension,
  serverIp: '10.10.10.15',
  dialplanNumber: extension,
  voicemailId: extension,
  login: `p${extension}`,
  passHash: '',
  protocol: 'SIP',
  registrationCredential: '',
  fullName: '',
  email: '',
  context: 'default',
  outboundCid: '',
  active: true,
  userGroup: '---ALL---',
  attributes: {},
  ...values,
});

async function inboundCall(t: TestCore): Promise<CallOf<'inbound'>> {
  const leg = await t.store.direct.calls.getLeg(CALLER);
  const call = leg ? await t.store.direct.calls.get(leg.callId) : null;
  if (call?.purpose !== 'inbound') throw new Error('no inbound call');
  return call;
}

const destinationLegOf = (call: CallOf<'inbound'>): string => `${call.id}.2`;

describe('a DID routed to an extension (EXTEN)', () => {
  it('dials the extension in its context with the caller’s number, leaving the caller unanswered until it answers', async () => {
    const t = await setup({ route: 'EXTEN', extension: '5550188', extenContext: 'site-ivr' });
    await t.callIn(CALLER, DID, '5550123');
    const call = await inboundCall(t);
    const destination = destinationLegOf(call);
    expect(t.pbx.describe()).toEqual([`originate ${destination} Local/5550188@site-ivr`]);
    expect(t.pbx.originated()[0]).toMatchObject({ callerId: { number: '5550123' } });
    expect(call).toMatchObject({ state: 'setup', answeredAt: null, agentId: null, progress: { stage: 'dialing_destination', queueName: null, thirdPartyLegId: destination, agentLeft: true } });
    t.pbx.clearCommands();

    await t.advance(2_000);
    await t.answer(destination);
    expect(t.pbx.describe()).toEqual(expect.arrayContaining([`answer ${CALLER}`]));
    const bridged = t.pbx.describe().filter((line) => line.startsWith('addToBridge'));
    expect(bridged).toHaveLength(2);
    const connected = await inboundCall(t);
    expect(connected).toMatchObject({ state: 'answered', answeredAt: t.clock.now(), progress: { stage: 'connected' } });
    expect((await t.store.direct.calls.getLeg(CALLER))!.state).toBe('up');

    await t.advance(5_000);
    await t.endLeg(CALLER);
    expect(t.pbx.hungUp()).toContain(destination);
    await t.confirmHangups();
    expect(await t.core.getCdrOfCall(call.id)).toMatchObject({ purpose: 'inbound', agentId: null, hangupSide: 'caller', billsec: 5, durationSec: 7 });
  });

  it('releases the caller unanswered when the extension does not answer', async () => {
    const t = await setup({ route: 'EXTEN', extension: '5550188', extenContext: 'site-ivr' });
    await t.callIn(CALLER, DID);
    const call = await inboundCall(t);
    await t.endLeg(destinationLegOf(call), 17, 'User busy');
    expect(t.pbx.hungUp()).toContain(CALLER);
    await t.confirmHangups();
    // The extension ended the call: the callee's side.
    expect(await inboundCall(t)).toMatchObject({ state: 'ended', answeredAt: null, hangupSide: 'callee', progress: { stage: 'not_answered' } });
    expect(await t.core.getCdrOfCall(call.id)).toMatchObject({ billsec: 0, hangupSide: 'callee' });
  });

  it('stops dialling when the caller hangs up first: the call is abandoned', async () => {
    const t = await setup({ route: 'EXTEN', extension: '5550188', extenContext: 'site-ivr' });
    await t.callIn(CALLER, DID);
    const call = await inboundCall(t);
    await t.endLeg(CALLER);
    expect(t.pbx.hungUp()).toContain(destinationLegOf(call));
    await t.confirmHangups();
    expect(await inboundCall(t)).toMatchObject({ state: 'ended', progress: { stage: 'abandoned' } });
  });

  it('releases the call when the context or extension cannot be a dial string', async () => {
    for (const changes of [{ extenContext: 'site ivr' }, { extension: '555,1' }]) {
      const t = await setup({ route: 'EXTEN', extension: '5550188', extenContext: 'site-ivr', ...changes });
      await t.callIn(CALLER, DID);
      expect(t.pbx.describe()).toEqual([`hangup ${CALLER}`]);
      expect((await inboundCall(t)).progress.stage).toBe('no_route');
    }
  });
});

describe('a DID routed to a phone (PHONE)', () => {
  it('rings the phone’s device; with no server named, the one phone of that extension', async () => {
    for (const serverIp of ['10.10.10.15', '']) {
      const t = await setup({ route: 'PHONE', phone: '7001', serverIp });
      await t.store.direct.phones.upsert(phone('7001', { dialplanNumber: '87001' }));
      await t.callIn(CALLER, DID);
      const call = await inboundCall(t);
      expect(t.pbx.describe()).toEqual([`originate ${destinationLegOf(call)} PJSIP/7001`]);
      expect((await t.store.direct.calls.getLeg(destinationLegOf(call)))!.dialedNumber).toBe('87001');
    }
  });

  it('releases the call for a phone missing, inactive, not a SIP device, on another server, or ambiguous', async () => {
    const cases: Array<[Partial<Phone>[], string]> = [
      [[], '10.10.10.15'],
      [[{ active: false }], '10.10.10.15'],
      [[{ protocol: 'IAX2' }], '10.10.10.15'],
      [[{}], '10.10.10.16'],
      [[{}, { serverIp: '10.10.10.16' }], ''],
    ];
    for (const [phones, serverIp] of cases) {
      const t = await setup({ route: 'PHONE', phone: '7001', serverIp });
      for (const values of phones) await t.store.direct.phones.upsert(phone('7001', values));
      await t.callIn(CALLER, DID);
      expect(t.pbx.describe()).toEqual([`hangup ${CALLER}`]);
    }
  });
});

describe('a DID routed to an agent (AGENT)', () => {
  it('waits for its agent alone, under its agent queue, while the agent is signed in', async () => {
    const t = await setup({ route: 'AGENT', agentUser: '1001', agentUnavailableAction: 'IN_GROUP' });
    await loginPlain(t, '1001');
    await t.callIn(CALLER, DID);
    expect(await inboundCall(t)).toMatchObject({ progress: { queueName: 'AGENTDIRECT', forAgentId: '1001' } });
  });

  it('takes its fallback while the agent is not signed in: the in-group, an extension, a phone; voicemail releases it', async () => {
    const inGroup = await setup({ route: 'AGENT', agentUser: '1001', agentUnavailableAction: 'IN_GROUP' });
    await inGroup.callIn(CALLER, DID);
    expect((await inboundCall(inGroup)).progress).toMatchObject({ stage: 'waiting', queueName: 'SALESLINE' });
    expect((await inboundCall(inGroup)).progress).not.toHaveProperty('forAgentId');

    const exten = await setup({ route: 'AGENT', agentUser: '1001', agentUnavailableAction: 'EXTEN', extension: '5550188', extenContext: 'site-ivr' });
    await exten.callIn(CALLER, DID);
    expect(exten.pbx.describe()).toEqual([`originate ${destinationLegOf(await inboundCall(exten))} Local/5550188@site-ivr`]);

    const toPhone = await setup({ route: 'AGENT', agentUser: '1001', agentUnavailableAction: 'PHONE', phone: '7001', serverIp: '10.10.10.15' });
    await toPhone.store.direct.phones.upsert(phone('7001'));
    await toPhone.callIn(CALLER, DID);
    expect(toPhone.pbx.describe()).toEqual([`originate ${destinationLegOf(await inboundCall(toPhone))} PJSIP/7001`]);

    const voicemail = await setup({ route: 'AGENT', agentUser: '1001', agentUnavailableAction: 'VOICEMAIL', voicemailExt: '8301' });
    await voicemail.callIn(CALLER, DID);
    expect(voicemail.pbx.describe()).toEqual([`hangup ${CALLER}`]);
    expect((await inboundCall(voicemail)).progress.stage).toBe('no_route');
  });
});
