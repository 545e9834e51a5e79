import { collectEvents, described, drainEvents, sharedCcgatewayGateway, signIn } from './integration-support';
import type { IncomingCall } from '@pbx-gateway/test-support';
import { BASE, failure, HUAWEI_SIGN_IN_SAMPLE, SUCCESS } from './wire-client';

// Agent 101 (phone 40038, auto-answer on as Huawei's sample) turns away the
// call its phone rings for: a skill call of skill 14 (DID 2125550114) and
// its own callout.
const SKILL = '14';
const DID = '2125550114';
const AG = `${BASE}/onlineagent/101`;
const VC = `${BASE}/voicecall/101`;
const CUSTOMER = '800123458';

describe('CC-Gateway phonehangup on the whole stack: the ringing phone turns its call away', () => {
  const gateway = sharedCcgatewayGateway({
    extraProvisioning: { queues: [{ name: SKILL, strategy: 'longest_wait_time' }], didRoutes: [{ did: DID, queue: SKILL }] },
  });
  let guid: string;
  const callers: IncomingCall[] = [];

  beforeEach(async () => {
    // The phone rings until it is answered or turned away.
    await gateway().farEnd.setPhone('40038', { outcome: 'noanswer' });
    await gateway().farEnd.setNumber(CUSTOMER, { outcome: 'answer', ringMs: 300 });
    guid = await signIn(gateway(), '101', HUAWEI_SIGN_IN_SAMPLE, true);
    await drainEvents(gateway(), '101', guid);
  });

  afterEach(async () => {
    await gateway().http.delete(`${AG}/forcelogout`).set('Guid', guid);
    for (const caller of callers.splice(0)) await caller.hangup().catch(() => undefined);
    await gateway().waitFor(async () => ((await gateway().core.listLiveCalls()).every(({ call }) => call.purpose !== 'inbound' && call.purpose !== 'agent_customer') ? true : undefined), 10_000, 'the calls to end');
    await gateway().core.idle();
  });

  const phoneHangup = () => gateway().http.post(`${VC}/phonehangup`).set('Guid', guid);

  /** Events until (and with) one of the given type. */
  async function eventsUntil(last: string): Promise<string[]> {
    const seen: string[] = [];
    while (!seen.at(-1)?.startsWith(last)) seen.push(...described(await collectEvents(gateway(), '101', guid, 1)));
    return seen;
  }

  test("the agent's callout: its ringing phone turned away ends the callout before the customer is dialled; one CDR", async () => {
    expect((await phoneHangup()).text).toBe(failure('100-009', 'agent state cannot be changed'));
    const callId = (JSON.parse((await gateway().http.put(`${VC}/callout`).set('Guid', guid).send({ called: CUSTOMER })).text) as { result: string }).result;
    expect(described(await collectEvents(gateway(), '101', guid, 1))).toEqual(['AgentOther_PhoneAlerting']);
    expect((await phoneHangup()).text).toBe(SUCCESS);
    expect(await eventsUntil('AgentState_Ready')).toEqual(['AgentOther_PhoneRelease {"phoneState":2}', 'AgentState_Ready']);
    const { legs } = (await gateway().core.getCall(callId))!;
    expect(legs.map((leg) => leg.role)).toEqual(['agent']);
    const cdr = await gateway().waitFor(async () => (await gateway().core.getCdrOfCall(callId)) ?? undefined, 10_000, 'the CDR');
    expect(cdr).toMatchObject({ purpose: 'agent_customer', agentId: '101', toNumber: CUSTOMER });
    expect((await phoneHangup()).text).toBe(failure('100-009', 'agent state cannot be changed'));
  });

  test('a skill call: its ringing phone turned away, the call waits in the skill again and the agent no longer takes calls', async () => {
    expect((await gateway().http.post(`${AG}/resetskill/false?skillid=${SKILL}`).set('Guid', guid)).text).toBe(SUCCESS);
    callers.push(await gateway().farEnd.callIn(DID, '5550146'));
    const offered = await eventsUntil('AgentOther_PhoneAlerting');
    const ringing = offered.find((event) => event.startsWith('AgentEvent_Ringing '));
    expect(ringing).toBeDefined();
    const callId = (JSON.parse(ringing!.slice('AgentEvent_Ringing '.length)) as { callid: string }).callid;
    expect((await phoneHangup()).text).toBe(SUCCESS);
    const after = await eventsUntil('AgentState_SetNotReady_Success');
    // Busy as after a ring not answered (reason 0, the gateway's one reason for a phone that did not take its call).
    expect(after).toEqual(['AgentOther_PhoneRelease {"phoneState":2}', 'AgentState_SetNotReady_Success {"reason":"0"}']);
    await gateway().waitFor(async () => ((await gateway().core.getCall(callId))?.call.progress as { stage?: string } | undefined)?.stage === 'waiting' || undefined, 10_000, 'the call waiting again');
    expect((await gateway().core.getAgentSession('101'))?.currentCallId).toBeNull();
  });
});
