import { DomainError, type ClickToCallRequest } from '../src';
import { createTestCore, extension, legOf, queue, trunk, type TestCore } from '@pbx-gateway/test-support';

async function setup(): Promise<TestCore> {
  const t = await createTestCore({
    directory: {
      extensions: [extension(5, '100', { callerIdNumber: '2120280100' }), extension(6, '101')],
      trunks: [trunk(1)],
    },
  });
  await t.store.direct.queues.upsert(queue('SALESLINE'));
  return t;
}

const request: ClickToCallRequest = {
  source: { by: 'internal_number', value: '100' },
  dialplan: null,
  destination: '800123456',
  sourceCallerId: { number: '800123456', name: '' },
  destinationCallerId: '2120280001',
  sourceRingSec: 20,
  destinationRingSec: 40,
  data: {},
  origin: { dialect: 'sipcall', operation: 'MakeCall', apiUserId: 'u1' },
};

/** Extension 100 talking with the customer over the trunk. */
async function connected(t: TestCore): Promise<{ callId: string; sourceId: string; customerId: string }> {
  const { callId } = await t.core.startClickToCall(request);
  const sourceId = (await legOf(t, callId, 'source')).id;
  await t.answer(sourceId);
  const customerId = (await legOf(t, callId, 'destination')).id;
  await t.answer(customerId);
  return { callId, sourceId, customerId };
}

async function refusalCode(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('accepted');
}

describe("a click-to-call's customer handed on by its extension", () => {
  it('to an extension: the source leg is hung up, the customer hears ringing, the extension is rung with the customer number and joins the bridge', async () => {
    const t = await setup();
    const { callId, sourceId, customerId } = await connected(t);
    t.pbx.clearCommands();
    const { legId } = await t.core.transferCall({ callId, number: '101', callerId: null });
    expect(t.pbx.describe()).toEqual([`hangup ${sourceId}`, `setRinging ${customerId} on`, `originate ${legId} PJSIP/sip101`]);
    expect(t.pbx.originated().at(-1)).toMatchObject({ legId, callerId: { number: '800123456' } });
    await t.confirmHangups();
    // The extension's leg ending does not end the call.
    expect((await t.core.getCall(callId))!.call).toMatchObject({ state: 'answered', hangupSide: null, progress: { extensionLeft: true, thirdPartyLegId: legId } });
    t.pbx.clearCommands();
    await t.answer(legId);
    expect(t.pbx.describe()).toEqual([`addToBridge ${callId}.bridge ${legId}`, `setRinging ${customerId} off`]);
    // A second transfer has nobody to hand on.
    expect(await refusalCode(t.core.transferCall({ callId, number: '800000002', callerId: null }))).toBe('NO_ACTIVE_CALL');
    await t.endLeg(legId, 16);
    await t.confirmHangups();
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ extension: '100', hangupSide: 'callee', hangupCause: 16, toNumber: '800123456' });
  });

  it('to a number: dialled over the trunk showing the number the customer was shown; the customer hanging up ends the call', async () => {
    const t = await setup();
    const { callId, customerId } = await connected(t);
    const { legId } = await t.core.transferCall({ callId, number: '800000002', callerId: null });
    expect(t.pbx.originated().at(-1)).toMatchObject({ legId, endpoint: 'PJSIP/800000002@upc', callerId: { number: '2120280001' } });
    await t.confirmHangups();
    await t.answer(legId);
    t.pbx.clearCommands();
    await t.endLeg(customerId, 16);
    expect(t.pbx.describe()).toContain(`hangup ${legId}`);
    await t.confirmHangups();
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ hangupSide: 'callee', extension: '100' });
  });

  it('a third party that does not answer ends the call once the extension left', async () => {
    const t = await setup();
    const { callId, customerId } = await connected(t);
    const { legId } = await t.core.transferCall({ callId, number: '101', callerId: null });
    await t.confirmHangups();
    t.pbx.clearCommands();
    await t.endLeg(legId, 19);
    expect(t.pbx.describe()).toContain(`hangup ${customerId}`);
    await t.confirmHangups();
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ hangupSide: 'callee', hangupCause: 19 });
  });

  it('into a queue: the call ends with its CDR, the customer waits in a new queued call', async () => {
    const t = await setup();
    const { callId, customerId } = await connected(t);
    const { callId: queuedId } = await t.core.transferCallToQueue({ callId, queueName: 'SALESLINE' });
    await t.confirmHangups();
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ hangupSide: 'caller', hangupCause: 16, extension: '100' });
    expect((await t.core.getCall(queuedId))!.call).toMatchObject({ purpose: 'inbound', fromNumber: '800123456', progress: { queueName: 'SALESLINE', callerLegId: customerId, transferredFrom: callId } });
  });

  it('refuses a call not yet talking', async () => {
    const t = await setup();
    const { callId } = await t.core.startClickToCall(request);
    expect(await refusalCode(t.core.transferCall({ callId, number: '101', callerId: null }))).toBe('NO_ACTIVE_CALL');
    expect(await refusalCode(t.core.transferCallToQueue({ callId, queueName: 'SALESLINE' }))).toBe('NO_ACTIVE_CALL');
  });
});
