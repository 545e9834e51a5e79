import { DomainError, type ContextDialRequest } from '../src';
import { createTestCore, legOf, trunk, type TestCore } from '@pbx-gateway/test-support';

async function setup(): Promise<TestCore> {
  return createTestCore({ directory: { extensions: [], trunks: [trunk(1), trunk(3, { name: 'odchozi', dialTemplate: 'PJSIP/{number}@odchozi' })] } });
}

const request = (overrides: Partial<ContextDialRequest> = {}): ContextDialRequest => ({
  destination: '800123456',
  route: { by: 'name', name: 'odchozi' },
  context: 'pospojeni',
  hangupContext: 'nevyzvednuto',
  callerId: '299299000',
  ringSec: 20,
  data: { customCDR1: 'x' },
  origin: { dialect: 'voipsun', operation: 'dial', apiUserId: 'u1' },
  ...overrides,
});

async function refusal(t: TestCore, req: ContextDialRequest): Promise<DomainError> {
  try {
    await t.core.startContextDial(req);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('the dial was accepted');
}

describe('dialling a number into a dialplan context', () => {
  it('dials over the route; once answered the context runs on a Local channel bridged with it; either end ends the call with one CDR', async () => {
    const t = await setup();
    const { callId } = await t.core.startContextDial(request());
    expect(t.pbx.originated()).toEqual([expect.objectContaining({ endpoint: 'PJSIP/800123456@odchozi', callerId: { number: '299299000' }, timeoutSec: 20 })]);
    const leg = await legOf(t, callId, 'destination');
    await t.answer(leg.id);
    expect(t.pbx.originated()[1]).toMatchObject({ endpoint: 'Local/800123456@pospojeni' });
    expect((await t.core.getCall(callId))?.call).toMatchObject({ state: 'answered', bridgeId: `${callId}.bridge`, progress: { stage: 'in_context' } });
    const context = await legOf(t, callId, 'third_party');
    t.pbx.clearCommands();
    await t.answer(context.id);
    expect(t.pbx.describe()).toEqual([`addToBridge ${callId}.bridge ${context.id}`]);
    await t.advance(30_000);
    // The context's dialplan hangs up: the number is hung up, and the call is over.
    await t.endLeg(context.id, 16);
    expect(t.pbx.describe()).toContain(`hangup ${leg.id}`);
    await t.confirmHangups();
    const cdr = await t.core.getCdrOfCall(callId);
    expect(cdr).toMatchObject({ purpose: 'context_dial', toNumber: '800123456', fromNumber: '299299000', billsec: 30 });
    expect(cdr?.data).toMatchObject({ customCDR1: 'x' });
    expect(await t.store.direct.cdrs.list()).toHaveLength(1);
  });

  it('recorded on request once the number answered; stopped before the bridge goes; the CDR names it', async () => {
    const t = await setup();
    const { callId } = await t.core.startContextDial(request({ recording: { directory: null, name: 'dial_1' } }));
    const leg = await legOf(t, callId, 'destination');
    await t.answer(leg.id);
    expect(t.pbx.describe()).toContain(`recordBridge ${callId}.bridge dial_1.wav`);
    t.pbx.clearCommands();
    await t.endLeg(leg.id, 16);
    await t.confirmHangups();
    const commands = t.pbx.describe();
    expect(commands.indexOf('stopRecording dial_1')).toBeLessThan(commands.indexOf(`destroyBridge ${callId}.bridge`));
    expect((await t.core.getCdrOfCall(callId))?.recordingFile).toBe('dial_1.wav');
  });

  it('not answered: a Local channel runs the hangup context at the number, in the same call; its end ends the call', async () => {
    const t = await setup();
    const { callId } = await t.core.startContextDial(request());
    const leg = await legOf(t, callId, 'destination');
    await t.endLeg(leg.id, 19);
    expect(t.pbx.originated()[1]).toMatchObject({ endpoint: 'Local/800123456@nevyzvednuto' });
    expect((await t.core.getCall(callId))?.call.progress).toMatchObject({ stage: 'in_hangup_context' });
    expect(await t.core.getCdrOfCall(callId)).toBeNull();
    const runner = await legOf(t, callId, 'third_party');
    t.pbx.clearCommands();
    await t.answer(runner.id);
    // Nobody to bridge it to: its dialplan runs by itself.
    expect(t.pbx.describe()).toEqual([]);
    await t.endLeg(runner.id, 16);
    const cdr = await t.core.getCdrOfCall(callId);
    // The call was not answered: the destination's cause is the call's.
    expect(cdr).toMatchObject({ purpose: 'context_dial', answeredAt: null, billsec: 0, hangupCause: 19 });
  });

  it('busy without a hangup context: the call ends at once with its CDR', async () => {
    const t = await setup();
    const { callId } = await t.core.startContextDial(request({ hangupContext: null }));
    await t.endLeg((await legOf(t, callId, 'destination')).id, 17);
    expect(t.pbx.originated()).toHaveLength(1);
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ answeredAt: null, hangupCause: 17 });
  });

  it('a route by id; an unknown route is TRUNK_NOT_FOUND and nothing is dialled', async () => {
    const t = await setup();
    await t.core.startContextDial(request({ route: { by: 'id', id: 1 } }));
    expect(t.pbx.originated()[0]?.endpoint).toBe('PJSIP/800123456@upc');
    expect((await refusal(t, request({ route: { by: 'name', name: 'nope' } }))).code).toBe('TRUNK_NOT_FOUND');
    expect((await refusal(t, request({ route: { by: 'id', id: 99 } }))).code).toBe('TRUNK_NOT_FOUND');
    expect(t.pbx.originated()).toHaveLength(1);
  });

  it.each([
    ['a context with a path', { context: '../x' }],
    ['a hangup context with an @', { hangupContext: 'a@b' }],
    ['an empty context', { context: '' }],
  ])('refuses %s (INVALID_ARGUMENT)', async (_what, overrides) => {
    const t = await setup();
    expect((await refusal(t, request(overrides))).code).toBe('INVALID_ARGUMENT');
    expect(t.pbx.originated()).toEqual([]);
  });

  it('refuses a number it cannot dial (INVALID_NUMBER)', async () => {
    const t = await setup();
    expect((await refusal(t, request({ destination: '12ab' }))).code).toBe('INVALID_NUMBER');
  });
});
