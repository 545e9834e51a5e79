import { PbxFailure, type ClickToCallRequest, type VoiceMenuRequest } from '../src';
import {
  agent,
  connectedCustomerCall,
  loginPlain,
  loginWithConference,
  extension,
  extensionGroup,
  trunk,
  legOf,
  legsOf,
  createTestCore,
  type TestCore,
} from '@pbx-gateway/test-support';

/**
 * A channel that hangs up in the instant it answers is gone before the
 * gateway can bridge it, and the engine refuses the bridge ("Channel not
 * found"). That is a hang-up like any other, not a failure of the gateway:
 * the call is let go and ends with its CDR, and nothing is logged as an error.
 */

const CHANNEL_GONE = new PbxFailure('rejected', 'bridges.addChannel: Channel not found', 400);

async function setup(): Promise<TestCore> {
  return createTestCore({
    config: { voiceMenuKeyWaitMs: 5000 },
    directory: {
      agents: [agent('1000')],
      extensions: [extension(5, '100'), extension(11, '301'), extension(12, '302')],
      groups: [extensionGroup('extGroup-1', [11, 12], { tenant: '2028', ringTimeoutSec: 25 })],
      trunks: [trunk(1)],
    },
  });
}

const clickToCall: ClickToCallRequest = {
  source: { by: 'internal_number', value: '100' },
  dialplan: null,
  destination: '800123456',
  sourceCallerId: { number: '800123456', name: 'Click to call' },
  destinationCallerId: null,
  sourceRingSec: 20,
  destinationRingSec: 40,
  data: {},
  origin: { dialect: 'voipsun', operation: 'originate', apiUserId: 'u1' },
};

const voiceMenu: VoiceMenuRequest = {
  destination: '85781218893',
  callerId: '2120280001',
  media: { kind: 'sound', name: 'ivr/menu' },
  transferKey: '',
  groupName: 'extGroup-1',
  tenant: '2028',
  data: {},
  origin: { dialect: 'sipcall', operation: 'PlayVoice', apiUserId: 'u1' },
};

/** Ends what the engine still has, and checks the call ended with its CDR and no error. */
async function expectCallLetGo(t: TestCore, callId: string): Promise<void> {
  for (const leg of await legsOf(t, callId)) if (leg.state !== 'ended' && !leg.hangupRequested) await t.endLeg(leg.id);
  await t.confirmHangups();
  expect((await t.core.getCall(callId))?.call).toMatchObject({ state: 'ended' });
  expect(await t.core.getCdrOfCall(callId)).toMatchObject({ callId });
  expect(t.logger.messages('error')).toEqual([]);
}

describe('bridging a leg that hung up as it answered', () => {
  it('click-to-call, the destination: released, the call ends', async () => {
    const t = await setup();
    const { callId } = await t.core.startClickToCall(clickToCall);
    await t.answer((await legOf(t, callId, 'source')).id);
    const destinationId = (await legOf(t, callId, 'destination')).id;
    t.pbx.failNext('addToBridge', CHANNEL_GONE);
    await t.answer(destinationId);
    expect(t.pbx.hungUp()).toContain(destinationId);
    await expectCallLetGo(t, callId);
  });

  it('click-to-call, the source: released before any destination is dialled, the call ends', async () => {
    const t = await setup();
    const { callId } = await t.core.startClickToCall(clickToCall);
    const sourceId = (await legOf(t, callId, 'source')).id;
    t.pbx.failNext('addToBridge', CHANNEL_GONE);
    await t.answer(sourceId);
    expect(t.pbx.hungUp()).toEqual([sourceId]);
    expect(t.pbx.originated()).toHaveLength(1);
    await expectCallLetGo(t, callId);
  });

  it('voice menu, the caller when its audio ends: the menu ends without ringing anyone', async () => {
    const t = await setup();
    const { callId } = await t.core.startVoiceMenuCall(voiceMenu);
    await t.answer(`${callId}.1`);
    const playbackId = t.pbx.played()[0]!.playbackId;
    await t.playbackStarted(playbackId);
    t.pbx.failNext('addToBridge', CHANNEL_GONE);
    await t.playbackFinished(playbackId);
    expect((await t.core.getCall(callId))?.call.progress.stage).toBe('caller_gone');
    expect((await legsOf(t, callId)).filter((leg) => leg.role === 'member')).toEqual([]);
    await expectCallLetGo(t, callId);
  });

  it('voice menu, the member that answered: the menu ends and every leg is released', async () => {
    const t = await setup();
    const { callId } = await t.core.startVoiceMenuCall(voiceMenu);
    await t.answer(`${callId}.1`);
    const playbackId = t.pbx.played()[0]!.playbackId;
    await t.playbackStarted(playbackId);
    await t.playbackFinished(playbackId);
    const [first, second] = (await legsOf(t, callId)).filter((leg) => leg.role === 'member');
    t.pbx.failNext('addToBridge', CHANNEL_GONE);
    await t.answer(first!.id);
    expect((await t.core.getCall(callId))?.call.progress.stage).toBe('transfer_failed');
    expect(t.pbx.hungUp()).toEqual(expect.arrayContaining([`${callId}.1`, first!.id, second!.id]));
    await expectCallLetGo(t, callId);
  });

  it("an agent's customer: released, the call ends and the agent is free", async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    const { callId } = await t.core.startAgentCustomerCall({ agentId: '1000', number: '5550100', callerId: null, origin: { dialect: 'vicidial', operation: 'external_dial', apiUserId: 'u1' } });
    const customerId = (await legOf(t, callId, 'customer')).id;
    t.pbx.failNext('addToBridge', CHANNEL_GONE);
    await t.answer(customerId);
    expect(t.pbx.hungUp()).toContain(customerId);
    await expectCallLetGo(t, callId);
    expect(await t.core.getAgentSession('1000')).toMatchObject({ currentCallId: null });
  });

  it('the third party of a 3-way call: released, agent and customer stay on', async () => {
    const t = await setup();
    await loginPlain(t, '1000', 'vicidial');
    const { callId } = await connectedCustomerCall(t, '1000');
    await t.core.dialThirdParty({ agentId: '1000', number: '5550200', callerId: null });
    const thirdId = (await legOf(t, callId, 'third_party')).id;
    t.pbx.failNext('addToBridge', CHANNEL_GONE);
    await t.answer(thirdId);
    expect(t.pbx.hungUp()).toEqual([thirdId]);
    expect(t.logger.messages('error')).toEqual([]);
  });
});
