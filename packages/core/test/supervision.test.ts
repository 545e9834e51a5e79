import { DomainError, type SupervisionRequest } from '../src';
import { agent, createTestCore, extension, legOf, loginWithConference, trunk, type TestCore } from '@pbx-gateway/test-support';

/** A supervisor's phone rung, then joined to another call's leg through a snoop leg, as listener, whisperer or barger. */

async function setup(): Promise<TestCore> {
  return createTestCore({
    directory: {
      extensions: [extension(5, '100'), extension(6, '101'), extension(7, '102', { publicNumber: '299299555' })],
      agents: [agent('1000'), agent('1001')],
      trunks: [trunk(1)],
    },
  });
}

const ORIGIN = { dialect: 'test', operation: 'spy', apiUserId: null };

const request = (overrides: Partial<SupervisionRequest> = {}): SupervisionRequest => ({
  supervisor: { selector: { by: 'internal_number', value: '101' }, dialplan: null },
  supervised: { kind: 'extension', selector: { by: 'internal_number', value: '100' }, dialplan: null },
  mode: 'listen',
  callerId: { number: '000', name: 'Spy' },
  ringSec: null,
  data: {},
  origin: ORIGIN,
  ...overrides,
});

/** Extension 100 in a click-to-call with a number over the trunk, both answered. */
async function callInProgress(t: TestCore): Promise<{ callId: string; sourceId: string; destinationId: string }> {
  const { callId } = await t.core.startClickToCall({
    source: { by: 'internal_number', value: '100' },
    dialplan: null,
    destination: '800123456',
    sourceCallerId: { number: '000', name: 'Dialer' },
    destinationCallerId: null,
    sourceRingSec: null,
    destinationRingSec: null,
    data: {},
    origin: ORIGIN,
  });
  const sourceId = (await legOf(t, callId, 'source')).id;
  await t.answer(sourceId);
  const destinationId = (await legOf(t, callId, 'destination')).id;
  await t.answer(destinationId);
  return { callId, sourceId, destinationId };
}

async function refusal(t: TestCore, req: SupervisionRequest): Promise<DomainError> {
  try {
    await t.core.startSupervision(req);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('supervision was accepted');
}

describe('supervision', () => {
  it.each([
    ['listen', 'both', 'none'],
    ['whisper', 'both', 'out'],
    ['barge', 'both', 'both'],
  ] as const)('%s: rings the supervisor, snoops on the supervised leg once answered (spy=%s whisper=%s) and bridges the two', async (mode, spy, whisper) => {
    const t = await setup();
    const { sourceId } = await callInProgress(t);
    t.pbx.clearCommands();
    const { callId } = await t.core.startSupervision(request({ mode }));
    const supervisor = await legOf(t, callId, 'supervisor');
    expect(t.pbx.describe()).toEqual([`originate ${supervisor.id} PJSIP/sip101`]);
    expect(t.pbx.originated()[0]!.callerId).toEqual({ number: '000', name: 'Spy' });
    await t.answer(supervisor.id);
    await t.settle();
    const snoop = await legOf(t, callId, 'snoop');
    expect(t.pbx.describe()).toEqual([
      `originate ${supervisor.id} PJSIP/sip101`,
      `ensureBridge ${callId}.bridge mixing`,
      `addToBridge ${callId}.bridge ${supervisor.id}`,
      `snoop ${snoop.id} on ${sourceId} spy=${spy} whisper=${whisper}`,
      `addToBridge ${callId}.bridge ${snoop.id}`,
    ]);
    const { call } = (await t.core.getCall(callId))!;
    expect(call).toMatchObject({ purpose: 'supervision', state: 'answered', progress: { stage: 'supervising', mode, targetLegId: sourceId } });
  });

  it('ends with the supervised channel: the snoop goes, the supervisor is hung up, one CDR', async () => {
    const t = await setup();
    const { sourceId, destinationId } = await callInProgress(t);
    const { callId } = await t.core.startSupervision(request());
    const supervisor = await legOf(t, callId, 'supervisor');
    await t.answer(supervisor.id);
    await t.settle();
    const snoop = await legOf(t, callId, 'snoop');
    await t.endLeg(destinationId);
    await t.confirmHangups();
    expect(t.pbx.hungUp()).toContain(sourceId);
    // The engine ends the snoop with its target.
    await t.endLeg(snoop.id);
    expect(t.pbx.hungUp()).toContain(supervisor.id);
    await t.confirmHangups();
    const cdr = await t.core.getCdrOfCall(callId);
    expect(cdr).toMatchObject({ purpose: 'supervision', hangupSide: 'callee', toNumber: '101', fromNumber: '000' });
  });

  it('ends the snoop when the supervisor hangs up, and leaves the supervised call alone', async () => {
    const t = await setup();
    const { callId: spiedCallId, sourceId } = await callInProgress(t);
    const { callId } = await t.core.startSupervision(request({ supervised: { kind: 'channel', channelName: (await legOf(t, spiedCallId, 'source')).channelName! } }));
    const supervisor = await legOf(t, callId, 'supervisor');
    await t.answer(supervisor.id);
    await t.settle();
    const snoop = await legOf(t, callId, 'snoop');
    expect(snoop.dialedNumber).toBe((await legOf(t, spiedCallId, 'source')).channelName);
    await t.endLeg(supervisor.id);
    expect(t.pbx.hungUp()).toEqual([snoop.id]);
    await t.confirmHangups();
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ purpose: 'supervision', hangupSide: 'caller' });
    expect((await t.core.getCall(spiedCallId))!.call.state).toBe('answered');
    expect((await legOf(t, spiedCallId, 'source')).id).toBe(sourceId);
  });

  it('ends the call with its CDR when the supervised channel went before the supervisor answered', async () => {
    const t = await setup();
    const { sourceId, destinationId } = await callInProgress(t);
    const { callId } = await t.core.startSupervision(request());
    await t.endLeg(sourceId);
    await t.endLeg(destinationId);
    const supervisor = await legOf(t, callId, 'supervisor');
    await t.answer(supervisor.id);
    await t.settle();
    expect(t.pbx.named('snoop').map((command) => command.failed)).toEqual([true]);
    expect(t.pbx.hungUp()).toContain(supervisor.id);
    await t.confirmHangups();
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ purpose: 'supervision', hangupCause: 0 });
  });

  it('ends with a CDR when the supervisor does not answer', async () => {
    const t = await setup();
    await callInProgress(t);
    const { callId } = await t.core.startSupervision(request());
    await t.endLeg((await legOf(t, callId, 'supervisor')).id, 19, 'No answer');
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ purpose: 'supervision', answeredAt: null, hangupCause: 19 });
    expect(t.pbx.named('snoop')).toEqual([]);
  });

  it('refuses what it cannot supervise: the supervisor first, then the supervised party, then a party in no call', async () => {
    const t = await setup();
    expect((await refusal(t, request({ supervisor: { selector: { by: 'internal_number', value: '999' }, dialplan: null } }))).code).toBe('EXTENSION_NOT_FOUND');
    expect((await refusal(t, request({ supervised: { kind: 'extension', selector: { by: 'id', value: '99' }, dialplan: null } }))).code).toBe('EXTENSION_NOT_FOUND');
    expect((await refusal(t, request({ supervised: { kind: 'extension', selector: { by: 'internal_number', value: '102' }, dialplan: 'nowhere' } }))).code).toBe('DIALPLAN_NOT_FOUND');
    expect((await refusal(t, request({ supervised: { kind: 'extension', selector: { by: 'public_number', value: '299299555' }, dialplan: null } }))).code).toBe('LEG_NOT_FOUND');
    expect((await refusal(t, request({ supervised: { kind: 'channel', channelName: 'PJSIP/sip102-00000099' } }))).code).toBe('LEG_NOT_FOUND');
    expect(t.pbx.originated()).toEqual([]);
  });

  it("joins an agent's phone in its session conference, and refuses an agent whose phone is not there", async () => {
    const t = await setup();
    const session = await loginWithConference(t, '1000');
    const { callId } = await t.core.startSupervision(request({ supervised: { kind: 'agent_conference', agentId: '1000' }, mode: 'whisper' }));
    expect((await t.core.getCall(callId))?.call.progress).toMatchObject({ stage: 'ringing_supervisor', mode: 'whisper', targetLegId: session.conference!.agentLegId });
    await t.core.loginAgent({ agentId: '1001', via: 'vicidial', phoneNumber: '1001', conferenceNumber: '8600052', connectPhone: true });
    expect((await refusal(t, request({ supervised: { kind: 'agent_conference', agentId: '1001' } }))).code).toBe('LEG_NOT_FOUND');
    expect((await refusal(t, request({ supervised: { kind: 'agent_conference', agentId: 'nobody' } }))).code).toBe('LEG_NOT_FOUND');
  });

  it('never supervises a supervision', async () => {
    const t = await setup();
    await callInProgress(t);
    const { callId } = await t.core.startSupervision(request());
    const supervisor = await legOf(t, callId, 'supervisor');
    await t.answer(supervisor.id);
    await t.settle();
    const snoop = await legOf(t, callId, 'snoop');
    expect((await refusal(t, request({ supervised: { kind: 'channel', channelName: snoop.channelName! } }))).code).toBe('LEG_NOT_FOUND');
  });
});
