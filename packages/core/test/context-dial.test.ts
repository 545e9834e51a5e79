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
  it('dials over the route; once answered the leg continues in the context at the number; its end ends the call with one CDR', async () => {
    const t = await setup();
    const { callId } = await t.core.startContextDial(request());
    expect(t.pbx.originated()).toEqual([expect.objectContaining({ endpoint: 'PJSIP/800123456@odchozi', callerId: { number: '299299000' }, timeoutSec: 20 })]);
    const leg = await legOf(t, callId, 'destination');
    t.pbx.clearCommands();
    await t.answer(leg.id);
    expect(t.pbx.describe()).toEqual([`continueInDialplan ${leg.id} 800123456@pospojeni`]);
    expect((await t.core.getCall(callId))?.call).toMatchObject({ state: 'answered', progress: { stage: 'in_context' } });
    await t.advance(30_000);
    await t.endLeg(leg.id, 16);
    const cdr = await t.core.getCdrOfCall(callId);
    expect(cdr).toMatchObject({ purpose: 'context_dial', toNumber: '800123456', fromNumber: '299299000', billsec: 30, hangupCause: 16 });
    expect(cdr?.data).toMatchObject({ customCDR1: 'x' });
    expect(await t.store.direct.cdrs.list()).toHaveLength(1);
  });

  it('not answered: a Local channel runs the hangup context at the number, in the same call; its end ends the call', async () => {
    const t = await setup();
    const { callId } = await t.core.startContextDial(request());
    const leg = await legOf(t, callId, 'destination');
    t.pbx.clearCommands();
    await t.endLeg(leg.id, 19);
    expect(t.pbx.originated()).toEqual([expect.objectContaining({ endpoint: 'Local/800123456@nevyzvednuto' })]);
    expect((await t.core.getCall(callId))?.call.progress).toMatchObject({ stage: 'in_hangup_context' });
    expect(await t.core.getCdrOfCall(callId)).toBeNull();
    const runner = await legOf(t, callId, 'third_party');
    await t.answer(runner.id);
    expect(t.pbx.describe().some((command) => command.startsWith('continueInDialplan'))).toBe(false);
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
