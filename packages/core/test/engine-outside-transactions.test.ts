import {
  agent,
  extension,
  extensionGroup,
  trunk,
  connectedCustomerCall,
  legOf,
  legsOf,
  loginPlain,
  loginWithConference,
  ORIGIN,
  createTestCore,
  type TestCore,
} from '@pbx-gateway/test-support';

/**
 * No engine command is sent while a store transaction is open: a command
 * decides and commits, then the engine is asked, then what it answered is
 * recorded in a new transaction. A slow engine then holds no connection and
 * no row lock. Each scenario runs one owner at a time, so any transaction
 * open while a command is sent belongs to the work that sent it.
 */

async function setup(): Promise<TestCore> {
  return createTestCore({
    config: { voiceMenuKeyWaitMs: 5000 },
    directory: {
      agents: [agent('1000'), agent('1001')],
      extensions: [extension(5, '100'), extension(11, '301'), extension(12, '302')],
      groups: [extensionGroup('group', [11, 12], { ringTimeoutSec: 25 })],
      trunks: [trunk(1)],
    },
  });
}

describe('engine commands are sent outside transactions', () => {
  it('through a click-to-call from ringing to CDR', async () => {
    const t = await setup();
    const { callId } = await t.core.startClickToCall({
      source: { by: 'internal_number', value: '100' },
      dialplan: null,
      destination: '800123456',
      sourceCallerId: { number: '800123456', name: 'Click to call' },
      destinationCallerId: null,
      sourceRingSec: 20,
      destinationRingSec: 40,
      data: {},
      origin: ORIGIN,
    });
    await t.answer((await legOf(t, callId, 'source')).id);
    await t.answer((await legOf(t, callId, 'destination')).id);
    await t.endLeg((await legOf(t, callId, 'destination')).id);
    await t.confirmHangups();
    expect(await t.core.getCdrOfCall(callId)).not.toBeNull();
    expect(t.pbx.commands.length).toBeGreaterThan(4);
    expect(t.engineCommandsInTransaction).toEqual([]);
  });

  it('through a voice menu transferred to a group member', async () => {
    const t = await setup();
    const { callId } = await t.core.startVoiceMenuCall({
      destination: '85781218893',
      callerId: '2120280001',
      media: { kind: 'sound', name: 'ivr/menu' },
      transferKey: '1',
      groupName: 'group',
      tenant: null,
      data: {},
      origin: ORIGIN,
    });
    const customerId = `${callId}.1`;
    await t.answer(customerId);
    await t.playbackStarted(t.pbx.played()[0]!.playbackId);
    await t.dtmf(customerId, '1');
    const members = (await legsOf(t, callId)).filter((leg) => leg.role === 'member');
    expect(members).toHaveLength(2);
    await t.answer(members[0]!.id);
    await t.endLeg(customerId);
    await t.confirmHangups();
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ hangupSide: 'callee' });
    expect(t.engineCommandsInTransaction).toEqual([]);
  });

  it('through agent sessions, their calls, their audio and their logout', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    const { callId } = await t.core.startAgentCustomerCall({ agentId: '1000', number: '5550100', callerId: null, origin: ORIGIN });
    await t.answer((await legOf(t, callId, 'customer')).id);
    await t.core.startAgentPlayback({ agentId: '1000', media: { kind: 'sound', name: 'ss-noservice' }, placement: 'conference' });
    await t.playbackStarted(t.pbx.played()[0]!.playbackId);
    await t.core.controlAgentPlayback({ agentId: '1000', action: 'pause' });
    await t.core.controlAgentPlayback({ agentId: '1000', action: 'resume' });
    await t.core.controlAgentPlayback({ agentId: '1000', action: 'jump', seconds: 5 });
    await t.core.controlAgentPlayback({ agentId: '1000', action: 'stop' });
    await t.core.hangupAgentCustomer({ agentId: '1000' });
    await t.confirmHangups();
    await t.core.logoutAgent({ agentId: '1000', whenInCall: 'force' });
    await t.confirmHangups();

    await loginPlain(t, '1001');
    await connectedCustomerCall(t, '1001');
    await t.core.logoutAgent({ agentId: '1001', whenInCall: 'force' });
    await t.confirmHangups();
    expect(await t.core.listLiveCalls()).toEqual([]);
    expect(t.engineCommandsInTransaction).toEqual([]);
  });
});
