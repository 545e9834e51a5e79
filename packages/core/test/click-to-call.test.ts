import { DomainError, type ClickToCallRequest } from '../src';
import {
  extension,
  trunk,
  describeEvents,
  legOf,
  createTestCore,
  type TestCore,
} from '@pbx-gateway/test-support';

async function setup(withTrunk = true): Promise<TestCore> {
  return createTestCore({
    directory: {
      extensions: [
        extension(5, '100', { publicNumber: '2120280100', callerIdNumber: '2120280100' }),
        extension(6, '200'),
        extension(7, '200', { dialplan: 'sales', endpoint: 'PJSIP/sales200', callerIdNumber: '' }),
      ],
      trunks: withTrunk ? [trunk(1), trunk(2, { dialTemplate: 'PJSIP/{number}@other' })] : [],
    },
  });
}

const request = (overrides: Partial<ClickToCallRequest> = {}): ClickToCallRequest => ({
  source: { by: 'internal_number', value: '100' },
  dialplan: null,
  destination: '800123456',
  sourceCallerId: { number: '800123456', name: 'Click to call' },
  destinationCallerId: null,
  sourceRingSec: 20,
  destinationRingSec: 40,
  data: { customField: 'abc' },
  origin: { dialect: 'voipsun', operation: 'originate', apiUserId: 'u1' },
  ...overrides,
});

async function refusal(t: TestCore, req: ClickToCallRequest): Promise<DomainError> {
  try {
    await t.core.startClickToCall(req);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('click-to-call was accepted');
}

/** Source rung, answered; destination dialled. */
async function dialling(t: TestCore, req = request()): Promise<{ callId: string; sourceId: string; destinationId: string }> {
  const { callId } = await t.core.startClickToCall(req);
  const sourceId = (await legOf(t, callId, 'source')).id;
  await t.ring(sourceId);
  await t.answer(sourceId);
  const destinationId = (await legOf(t, callId, 'destination')).id;
  return { callId, sourceId, destinationId };
}

describe('finding the source extension', () => {
  it.each([
    ['an internal number', { by: 'internal_number', value: '100' }],
    ['a public number', { by: 'public_number', value: '2120280100' }],
    ['an id', { by: 'id', value: '5' }],
    ['a SIP user name', { by: 'sip_username', value: 'sip100' }],
  ] as const)('by %s', async (_how, source) => {
    const t = await setup();
    await t.core.startClickToCall(request({ source }));
    expect(t.pbx.originated()[0]!.endpoint).toBe('PJSIP/sip100');
  });

  it('answers EXTENSION_NOT_FOUND for an unknown extension, naming how it was looked up', async () => {
    const t = await setup();
    const error = await refusal(t, request({ source: { by: 'internal_number', value: '999' } }));
    expect(error.code).toBe('EXTENSION_NOT_FOUND');
    expect(error.details).toEqual({ selector: 'internal_number' });
    expect((await refusal(t, request({ source: { by: 'id', value: 'abc' } }))).code).toBe('EXTENSION_NOT_FOUND');
    expect((await refusal(t, request({ source: { by: 'id', value: '99' } }))).code).toBe('EXTENSION_NOT_FOUND');
  });

  it('answers EXTENSION_AMBIGUOUS for a number in several dial plans when none is named', async () => {
    const t = await setup();
    expect((await refusal(t, request({ source: { by: 'internal_number', value: '200' } }))).code).toBe('EXTENSION_AMBIGUOUS');
  });

  it('picks the extension of the named dial plan', async () => {
    const t = await setup();
    await t.core.startClickToCall(request({ source: { by: 'internal_number', value: '200' }, dialplan: 'sales' }));
    expect(t.pbx.originated()[0]!.endpoint).toBe('PJSIP/sales200');
  });

  it('reports an unknown dial plan before a missing extension', async () => {
    const t = await setup();
    const error = await refusal(t, request({ source: { by: 'internal_number', value: '999' }, dialplan: 'nope' }));
    expect(error.code).toBe('DIALPLAN_NOT_FOUND');
    expect(error.details).toEqual({ dialplan: 'nope' });
  });

  it('does not find an extension outside the named dial plan', async () => {
    const t = await setup();
    expect((await refusal(t, request({ dialplan: 'sales' }))).code).toBe('EXTENSION_NOT_FOUND');
  });

  it('refuses a destination that is not a number before looking anything up', async () => {
    const t = await setup();
    const error = await refusal(t, request({ destination: '80012;3456', source: { by: 'internal_number', value: '999' } }));
    expect(error.code).toBe('INVALID_NUMBER');
    expect(error.details).toEqual({ number: '80012;3456' });
  });

  it('answers TRUNK_NOT_FOUND without a trunk', async () => {
    const t = await setup(false);
    expect((await refusal(t, request())).code).toBe('TRUNK_NOT_FOUND');
  });

  it('stores no call while the engine is away', async () => {
    const t = await setup();
    t.pbx.setAvailable(false);
    expect((await refusal(t, request())).code).toBe('PBX_UNAVAILABLE');
    expect(await t.core.listLiveCalls()).toEqual([]);
    expect(t.events).toEqual([]);
  });

  it('ends the call with its one CDR when the engine refuses to ring the source, and says so', async () => {
    const t = await setup();
    t.pbx.failNext('originate');
    expect((await refusal(t, request())).code).toBe('PBX_REJECTED');
    expect(await t.core.listLiveCalls()).toEqual([]);
    expect(t.eventTypes('CallEnded')).toHaveLength(1);
    const ended = t.events.find((event) => event.type === 'CallEnded');
    expect(ended?.type === 'CallEnded' ? ended.cdr : null).toMatchObject({ hangupSide: 'system', hangupCause: 0 });
  });
});

describe('the call', () => {
  it('rings the source extension first with the caller id the client asked for', async () => {
    const t = await setup();
    const { callId } = await t.core.startClickToCall(request());
    const call = (await t.core.getCall(callId))!;
    expect(call.call).toMatchObject({
      purpose: 'click_to_call',
      direction: 'outbound',
      state: 'setup',
      progress: { stage: 'ringing_source', trunkId: 1, destinationEndpoint: 'PJSIP/800123456@upc', destinationCallerId: '2120280100', destinationRingSec: 40 },
      agentId: null,
      fromNumber: '2120280100',
      toNumber: '800123456',
      extension: '100',
      origin: { dialect: 'voipsun', operation: 'originate', apiUserId: 'u1' },
      data: { customField: 'abc' },
    });
    expect(call.legs).toEqual([
      expect.objectContaining({
        id: `${callId}.1`,
        role: 'source',
        endpoint: 'PJSIP/sip100',
        channelName: 'PJSIP/sip100-00000001',
        context: 'gateway',
        state: 'dialing',
        callerNumber: '800123456',
        callerName: 'Click to call',
        dialedNumber: '100',
        account: { kind: 'extension', id: 5 },
      }),
    ]);
    expect(t.pbx.originated()).toEqual([
      { legId: `${callId}.1`, endpoint: 'PJSIP/sip100', callerId: { number: '800123456', name: 'Click to call' }, timeoutSec: 20 },
    ]);
  });

  it('once the source answers: bridge, ringing tone, and the destination dialled over the trunk', async () => {
    const t = await setup();
    const { callId, sourceId, destinationId } = await dialling(t);
    const bridgeId = `${callId}.bridge`;
    expect(t.pbx.describe().slice(1)).toEqual([
      `ensureBridge ${bridgeId} mixing`,
      `addToBridge ${bridgeId} ${sourceId}`,
      `setRinging ${sourceId} on`,
      `originate ${destinationId} PJSIP/800123456@upc`,
    ]);
    expect(t.pbx.originated()[1]).toEqual({ legId: destinationId, endpoint: 'PJSIP/800123456@upc', callerId: { number: '2120280100' }, timeoutSec: 40 });
    expect((await t.core.getCall(callId))!.call).toMatchObject({ progress: { stage: 'dialing_destination' }, bridgeId, state: 'setup' });
    expect(await legOf(t, callId, 'destination')).toMatchObject({ account: { kind: 'trunk', id: 1 }, dialedNumber: '800123456', channelName: 'PJSIP/upc-00000002' });
  });

  it('presents the caller id the client chose and the default ring time when none is given', async () => {
    const t = await setup();
    await dialling(t, request({ destinationCallerId: '2120289999', destinationRingSec: null, sourceRingSec: null }));
    expect(t.pbx.originated()[0]!.timeoutSec).toBe(t.config.agentRingTimeoutSec);
    expect(t.pbx.originated()[1]).toMatchObject({ callerId: { number: '2120289999' }, timeoutSec: t.config.destinationRingTimeoutSec });
  });

  it("presents a number of the trunk's pool when asked to and none is given, the extension's when the pool is empty", async () => {
    const t = await createTestCore({
      directory: { extensions: [extension(5, '100'), extension(6, '200')], trunks: [trunk(1, { callerIdPool: ['2120280001'] })] },
    });
    await dialling(t, request({ callerIdFromPool: true }));
    expect(t.pbx.originated()[1]!.callerId).toEqual({ number: '2120280001' });
    const empty = await createTestCore({
      directory: { extensions: [extension(5, '100', { callerIdNumber: '2120280100' })], trunks: [trunk(1, { callerIdPool: [] })] },
    });
    await dialling(empty, request({ callerIdFromPool: true }));
    expect(empty.pbx.originated()[1]!.callerId).toEqual({ number: '2120280100' });
  });

  it('falls back to the internal number as caller id', async () => {
    const t = await setup();
    await dialling(t, request({ source: { by: 'internal_number', value: '200' }, dialplan: 'sales' }));
    expect(t.pbx.originated()[1]!.callerId).toEqual({ number: '200' });
  });

  it('rings a number outside the PBX first when one is given, over the trunk; the call stays the extension\'s', async () => {
    const t = await setup();
    const { callId, sourceId } = await dialling(t, request({ sourceNumber: '13800000001' }));
    expect(t.pbx.originated()[0]).toEqual({ legId: sourceId, endpoint: 'PJSIP/13800000001@upc', callerId: { number: '800123456', name: 'Click to call' }, timeoutSec: 20 });
    expect(t.pbx.originated()[1]).toMatchObject({ endpoint: 'PJSIP/800123456@upc', callerId: { number: '2120280100' } });
    expect(await legOf(t, callId, 'source')).toMatchObject({ account: { kind: 'trunk', id: 1 }, dialedNumber: '13800000001' });
    expect((await t.core.getCall(callId))!.call).toMatchObject({ extension: '100', toNumber: '800123456' });
  });

  it('refuses a source number that is not a number before anything is stored', async () => {
    const t = await setup();
    expect((await refusal(t, request({ sourceNumber: '12ab' }))).code).toBe('INVALID_NUMBER');
    expect(await t.core.listLiveCalls()).toEqual([]);
  });

  it('bridges the destination when it answers; the destination hanging up ends the source; one CDR', async () => {
    const t = await setup();
    const started = t.clock.nowMs();
    const { callId, sourceId, destinationId } = await dialling(t);
    await t.advance(5000);
    t.pbx.clearCommands();
    await t.answer(destinationId);
    expect(t.pbx.describe()).toEqual([`addToBridge ${callId}.bridge ${destinationId}`, `setRinging ${sourceId} off`]);
    expect((await t.core.getCall(callId))!.call).toMatchObject({ state: 'answered', progress: { stage: 'connected' }, answeredAt: t.clock.now() });

    await t.advance(60_000);
    t.pbx.clearCommands();
    await t.endLeg(destinationId);
    expect(t.pbx.describe()).toEqual([`hangup ${sourceId}`]);
    await t.confirmHangups();
    expect(t.pbx.describe()).toEqual([`hangup ${sourceId}`, `destroyBridge ${callId}.bridge`]);

    expect(describeEvents(t.events)).toEqual([
      'LegRinging source',
      'LegAnswered source',
      'LegAnswered destination',
      'LegEnded destination',
      'LegEnded source',
      'CallEnded',
    ]);
    const cdrs = await t.store.direct.cdrs.list();
    expect(cdrs).toHaveLength(1);
    expect(cdrs[0]).toMatchObject({
      callId,
      purpose: 'click_to_call',
      fromNumber: '2120280100',
      toNumber: '800123456',
      extension: '100',
      startedAt: new Date(started),
      answeredAt: new Date(started + 5000),
      endedAt: t.clock.now(),
      durationSec: 65,
      billsec: 60,
      hangupCause: 16,
      hangupSide: 'callee',
      data: expect.objectContaining({ customField: 'abc' }),
    });
    const ended = t.events[t.events.length - 1]!;
    expect(ended).toMatchObject({ type: 'CallEnded', cdr: cdrs[0] });
    expect(await t.core.listLiveCalls()).toEqual([]);
  });

  it('ends the destination when the source hangs up', async () => {
    const t = await setup();
    const { callId, sourceId, destinationId } = await dialling(t);
    await t.answer(destinationId);
    t.pbx.clearCommands();
    await t.endLeg(sourceId);
    expect(t.pbx.hungUp()).toEqual([destinationId]);
    await t.confirmHangups();
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ hangupSide: 'caller', hangupCause: 16 });
  });

  it('ends the call with the busy cause when the destination is busy', async () => {
    const t = await setup();
    const { callId, sourceId, destinationId } = await dialling(t);
    await t.endLeg(destinationId, 17, 'User busy');
    expect(t.pbx.hungUp()).toEqual([sourceId]);
    await t.confirmHangups();
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ hangupCause: 17, hangupCauseText: 'User busy', hangupSide: 'callee', billsec: 0, answeredAt: null });
  });

  it('ends without dialling when the source does not answer', async () => {
    const t = await setup();
    const { callId } = await t.core.startClickToCall(request());
    await t.advance(20_000);
    await t.endLeg(`${callId}.1`, 19, 'No answer');
    expect(t.pbx.originated()).toHaveLength(1);
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ hangupCause: 19, hangupSide: 'caller', durationSec: 20, billsec: 0 });
    expect(describeEvents(t.events)).toEqual(['LegEnded source', 'CallEnded']);
  });

  it('releases the source when the destination cannot be dialled', async () => {
    const t = await setup();
    const { callId } = await t.core.startClickToCall(request());
    t.pbx.failNext('originate');
    await t.answer(`${callId}.1`);
    expect(t.pbx.hungUp()).toEqual([`${callId}.1`]);
    await t.confirmHangups();
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ callId });
    expect(await t.core.listLiveCalls()).toEqual([]);
  });

  it('writes one CDR however often the engine repeats the end', async () => {
    const t = await setup();
    const { callId, sourceId, destinationId } = await dialling(t);
    await t.endLeg(destinationId);
    await t.endLeg(sourceId);
    await t.endLeg(sourceId);
    await t.endLeg(destinationId);
    expect(await t.store.direct.cdrs.list()).toHaveLength(1);
    expect(t.eventTypes('CallEnded')).toHaveLength(1);
    expect((await t.core.getCdrOfCall(callId))!.hangupSide).toBe('callee');
  });
});
