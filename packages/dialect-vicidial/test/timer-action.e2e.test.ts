import type { TestGateway } from '@pbx-gateway/test-support';
import { AUTH, agentGet, EXTRA_PROVISIONING, expectVicidialAnswer, sharedGateway } from './support/vicidial-test-kit';

// set_timer_action carried out (seed 002, spec §3.1): once the agent's call
// has been answered for `rank` seconds, D1_DIAL dials the campaign's preset 1
// into the conference as a 3-way call; a message is the screen's, and is
// used up the same way.

// The demo campaign with its first transfer preset (VICIdial xferconf_a_number), and a second with its DTMF.
const gateway = sharedGateway({
  agentInConference: '1000',
  overrides: {
    extraProvisioning: {
      ...EXTRA_PROVISIONING,
      campaigns: [
        { id: 'TESTCAMP', name: 'Test campaign', dialMethod: 'MANUAL', allowInbound: true, manualDialListId: 101, apiManualDial: 'STANDARD', dialPrefix: '', settings: { xferconf_a_number: '5550400', xferconf_b_number: '5550401', xferconf_b_dtmf: '12P3S' } },
      ],
    },
  },
});
const api = (query: string) => agentGet(gateway(), `${AUTH}&function=set_timer_action&agent_user=1000&${query}`);
const CONFERENCE = 'agent-1000.conference';
const ORIGIN = { dialect: 'vicidial', operation: 'test', apiUserId: null };

async function legsOf(gw: TestGateway, callId: string) {
  return (await gw.core.getCall(callId))?.legs ?? [];
}

async function upLeg(gw: TestGateway, callId: string, role: 'customer' | 'third_party'): Promise<string> {
  return gw.waitFor(async () => (await legsOf(gw, callId)).find((leg) => leg.role === role && leg.state === 'up')?.id, 15000, `${role} up`);
}

async function bridgeHolds(gw: TestGateway, legIds: readonly string[]): Promise<void> {
  await gw.waitFor(
    async () => {
      const bridge = (await gw.engineBridges()).find((candidate) => candidate.id === CONFERENCE);
      return bridge !== undefined && legIds.every((id) => bridge.channels.includes(id)) && bridge.channels.length === legIds.length;
    },
    15000,
    `the conference holding ${legIds.join(', ')}`,
  );
}

async function customerCall(): Promise<{ callId: string; customerId: string; agentLegId: string }> {
  const gw = gateway();
  await gw.waitFor(async () => (await gw.core.getAgentSession('1000'))?.state !== 'in_call', 15000, 'agent 1000 free');
  const { callId } = await gw.core.startAgentCustomerCall({ agentId: '1000', number: '5550100', callerId: '2120289999', origin: ORIGIN });
  const customerId = await upLeg(gw, callId, 'customer');
  const agentLegId = (await gw.core.getAgentSession('1000'))!.conference!.agentLegId!;
  await bridgeHolds(gw, [agentLegId, customerId]);
  return { callId, customerId, agentLegId };
}

async function endCall(callId: string, customerId: string): Promise<void> {
  const gw = gateway();
  await gw.farEnd.hangup(customerId, 16);
  await gw.waitFor(async () => (await gw.core.getCdrOfCall(callId)) ?? false, 15000, `the CDR of ${callId}`);
}

test('D1_DIAL during the call: at `rank` seconds the preset joins agent and customer in the conference', async () => {
  const gw = gateway();
  const { callId, customerId, agentLegId } = await customerCall();
  expectVicidialAnswer(await api('value=D1_DIAL&notes=dial+the+supervisor&rank=1'), 'SUCCESS: set_timer_action lead updated - 6666|1000|D1_DIAL|dial the supervisor|1\n');
  const thirdId = await upLeg(gw, callId, 'third_party');
  await bridgeHolds(gw, [agentLegId, customerId, thirdId]);
  const third = (await legsOf(gw, callId)).find((leg) => leg.id === thirdId)!;
  expect(third).toMatchObject({ dialedNumber: '5550400', callerNumber: '2120289999' });
  // Answered at least a second after the customer was.
  const customer = (await legsOf(gw, callId)).find((leg) => leg.id === customerId)!;
  expect(third.createdAt.getTime() - customer.answeredAt!.getTime()).toBeGreaterThanOrEqual(1000);
  expect((await gw.core.getAgentSession('1000'))!.timerAction).toBeNull();
  await endCall(callId, customerId);
});

test('D2_DIAL with the preset\'s DTMF (xferconf_b_dtmf): the third party hears the keys once it answers, P as # and S as *', async () => {
  const gw = gateway();
  const { callId, customerId, agentLegId } = await customerCall();
  expectVicidialAnswer(await api('value=D2_DIAL&rank=0'), 'SUCCESS: set_timer_action lead updated - 6666|1000|D2_DIAL||0\n');
  const thirdId = await upLeg(gw, callId, 'third_party');
  await bridgeHolds(gw, [agentLegId, customerId, thirdId]);
  expect((await legsOf(gw, callId)).find((leg) => leg.id === thirdId)).toMatchObject({ dialedNumber: '5550401' });
  const heard = await gw.waitFor(async () => {
    const keys = await gw.farEnd.heardDtmf(thirdId);
    return keys.length >= 5 ? keys : false;
  }, 10000, 'the third party to hear the keys');
  expect(heard).toBe('12#3*');
  // The customer hears them in the call, but is not sent them.
  expect(await gw.farEnd.heardDtmf(customerId)).toBe('');
  await endCall(callId, customerId);
});

test('set before the call, MESSAGE_ONLY: kept until the next call has lasted `rank` seconds, then used up; nothing is dialled', async () => {
  const gw = gateway();
  expectVicidialAnswer(await api('value=MESSAGE_ONLY&notes=test+message&rank=1'), 'SUCCESS: set_timer_action lead updated - 6666|1000|MESSAGE_ONLY|test message|1\n');
  expect((await gw.core.getAgentSession('1000'))!.timerAction).toEqual({ action: 'MESSAGE_ONLY', message: 'test message', seconds: 1, dialNumber: null, dialDtmf: null });
  const { callId, customerId } = await customerCall();
  await gw.waitFor(async () => (await gw.core.getAgentSession('1000'))!.timerAction === null, 15000, 'the timer action used up');
  expect((await legsOf(gw, callId)).some((leg) => leg.role === 'third_party')).toBe(false);
  await endCall(callId, customerId);
});

test('NONE clears it: the preset is not dialled', async () => {
  const gw = gateway();
  const { callId, customerId } = await customerCall();
  expectVicidialAnswer(await api('value=D1_DIAL&rank=2'), 'SUCCESS: set_timer_action lead updated - 6666|1000|D1_DIAL||2\n');
  expect((await gw.core.getAgentSession('1000'))!.timerAction).toMatchObject({ action: 'D1_DIAL', dialNumber: '5550400' });
  expectVicidialAnswer(await api('value=NONE'), 'SUCCESS: set_timer_action lead updated - 6666|1000|NONE||\n');
  await new Promise((resolve) => setTimeout(resolve, 2500));
  expect((await legsOf(gw, callId)).some((leg) => leg.role === 'third_party')).toBe(false);
  await endCall(callId, customerId);
});
