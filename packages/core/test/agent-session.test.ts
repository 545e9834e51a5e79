import { DomainError } from '../src';
import { agent, queueMember, SECRET, trunk, connectedCustomerCall, describeEvents, loginPlain, loginWithConference, createTestCore, type TestCore, domainErrorCode } from '@pbx-gateway/test-support';

async function setup(): Promise<TestCore> {
  return createTestCore({
    config: { serverIp: '10.1.1.5' },
    directory: {
      agents: [agent('1000'), agent('1001'), agent('1002', { active: false }), agent('1003', { secretHash: null, device: null })],
      trunks: [trunk(1)],
      queues: [{ name: 'sales', strategy: 'ringall', members: [queueMember('1000'), queueMember('1001')] }],
    },
  });
}

const memberOf = async (t: TestCore, agentId: string) => (await t.core.getQueue('sales'))!.members.find((member) => member.agentId === agentId)!;

describe('login', () => {
  it('opens a ready session on the phone the agent signs in with', async () => {
    const t = await setup();
    const session = await t.core.loginAgent({ agentId: '1000', secret: SECRET, via: 'ccgateway', phoneNumber: '5551234', campaignId: 'C1' });
    expect(session).toMatchObject({
      agentId: '1000',
      state: 'ready',
      pauseReason: null,
      pauseLimitSec: null,
      device: 'PJSIP/5551234',
      phoneNumber: '5551234',
      conference: null,
      serverIp: '10.1.1.5',
      campaignId: 'C1',
      currentCallId: null,
      lead: null,
      pendingDisposition: null,
      pendingPause: null,
      pendingWrapUp: false,
      pendingLogout: false,
      screenRefresh: null,
      timerAction: null,
      afterCall: 'ready',
      autoAnswer: false,
      answerOnRequest: false,
      eventPush: null,
      loginVia: 'ccgateway',
      loggedInAt: t.clock.now(),
      lastSeenAt: t.clock.now(),
    });
    expect(await t.core.getAgentSession('1000')).toEqual(session);
    expect(t.events).toEqual([{ type: 'AgentLoggedIn', agentId: '1000', state: 'ready', pauseReason: null, at: t.clock.now() }]);
    expect(t.pbx.commands).toEqual([]);
  });

  it('joins the queues the login names for the session only, and refuses one that does not exist before anything changes', async () => {
    const t = await setup();
    expect(await domainErrorCode(t.core.loginAgent({ agentId: '1002', via: 'voipsun', queues: ['nosuch'] }))).toBe('AGENT_NOT_FOUND');
    expect(await domainErrorCode(t.core.loginAgent({ agentId: '1000', via: 'voipsun', queues: ['sales', 'nosuch'] }))).toBe('INVALID_ARGUMENT');
    expect(await t.core.getAgentSession('1000')).toBeNull();
    await t.core.loginAgent({ agentId: '1000', via: 'voipsun', queues: ['sales'], initialState: 'paused' });
    // Already a provisioned member: that membership stays as it is.
    expect(await memberOf(t, '1000')).toMatchObject({ membership: 'static', paused: true });
    await t.core.logoutAgent({ agentId: '1000', whenInCall: 'defer' });
    expect(await t.core.queuesOfAgent('1000')).toEqual(['sales']);
    // Not a member yet: a dynamic member for the session, gone with it.
    await t.core.loginAgent({ agentId: '1003', via: 'voipsun', queues: ['sales', 'sales'] });
    expect(await memberOf(t, '1003')).toEqual({
      agentId: '1003',
      penalty: 0,
      paused: false,
      membership: 'dynamic',
      weight: 0,
      grade: 1,
      dailyLimit: null,
      callsToday: 0,
      callsTodayOn: null,
    });
    await t.core.logoutAgent({ agentId: '1003', whenInCall: 'defer' });
    expect(await t.core.queuesOfAgent('1003')).toEqual([]);
  });

  it("rings the agent's own device when no number is given", async () => {
    const t = await setup();
    const session = await t.core.loginAgent({ agentId: '1000', via: 'voipsun' });
    expect(session).toMatchObject({ device: 'PJSIP/1000', phoneNumber: '' });
  });

  it('can start paused with a reason, which pauses the queue memberships', async () => {
    const t = await setup();
    const session = await t.core.loginAgent({ agentId: '1000', via: 'ccgateway', initialState: 'paused', pauseReason: 'rest:0' });
    expect(session).toMatchObject({ state: 'paused', pauseReason: 'rest:0' });
    expect(await memberOf(t, '1000')).toMatchObject({ paused: true });
    expect(await memberOf(t, '1001')).toMatchObject({ paused: false });
    expect(t.events).toEqual([{ type: 'AgentLoggedIn', agentId: '1000', state: 'paused', pauseReason: 'rest:0', at: t.clock.now() }]);
  });

  it("locks an agent's own password after ten failures within the window, even for the right one", async () => {
    const t = await setup();
    for (let attempt = 0; attempt < 10; attempt += 1) {
      await expect(t.core.loginAgent({ agentId: '1000', via: 'ccgateway', secret: 'wrong' })).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    }
    await expect(t.core.loginAgent({ agentId: '1000', via: 'ccgateway', secret: SECRET })).rejects.toMatchObject({ code: 'AUTH_LOCKED' });
    expect(await t.core.getAgentSession('1000')).toBeNull();
    await t.advance(t.config.lockout.windowMs + 1);
    await expect(t.core.loginAgent({ agentId: '1000', via: 'ccgateway', secret: SECRET })).resolves.toMatchObject({ agentId: '1000' });
  });

  it('forgives failed agent passwords once the right one signs in', async () => {
    const t = await setup();
    for (let attempt = 0; attempt < 9; attempt += 1) {
      await expect(t.core.loginAgent({ agentId: '1000', via: 'ccgateway', secret: 'wrong' })).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    }
    await t.core.loginAgent({ agentId: '1000', via: 'ccgateway', secret: SECRET });
    await t.core.logoutAgent({ agentId: '1000', whenInCall: 'force' });
    for (let attempt = 0; attempt < 9; attempt += 1) {
      await expect(t.core.loginAgent({ agentId: '1000', via: 'ccgateway', secret: 'wrong' })).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    }
    await expect(t.core.loginAgent({ agentId: '1000', via: 'ccgateway', secret: SECRET })).resolves.toMatchObject({ agentId: '1000' });
  });

  it('creates the session conference and rings the phone into it', async () => {
    const t = await setup();
    const session = await t.core.loginAgent({ agentId: '1000', via: 'vicidial', phoneNumber: '1000', conferenceNumber: '8600051', connectPhone: true });
    const bridgeId = 'agent-1000.conference';
    const agentLegId = session.conference!.agentLegId!;
    expect(session.conference).toEqual({ number: '8600051', bridgeId, agentLegId });
    expect(agentLegId.startsWith('agent-1000.')).toBe(true);
    expect(t.pbx.describe()).toEqual([`ensureBridge ${bridgeId} mixing`, `originate ${agentLegId} PJSIP/1000`]);
    expect(t.pbx.originated()[0]).toEqual({
      legId: agentLegId,
      endpoint: 'PJSIP/1000',
      callerId: { number: '8600051', name: 'Session' },
      timeoutSec: t.config.agentRingTimeoutSec,
    });

    t.pbx.clearCommands();
    await t.ring(agentLegId);
    await t.answer(agentLegId);
    expect(t.pbx.describe()).toEqual([`ensureBridge ${bridgeId} mixing`, `addToBridge ${bridgeId} ${agentLegId}`]);
    expect(describeEvents(t.events)).toEqual(['AgentLoggedIn ready', 'LegRinging agent', 'AgentPhoneRinging', 'LegAnswered agent', 'AgentPhoneAnswered']);
    expect((await t.core.getAgentSession('1000'))!.state).toBe('ready');
  });

  it('rings the phone into the conference again once it is gone, and not while it is there', async () => {
    const t = await setup();
    const session = await t.core.loginAgent({ agentId: '1000', via: 'vicidial', phoneNumber: '1000', conferenceNumber: '8600051', connectPhone: true });
    const firstLeg = session.conference!.agentLegId!;
    await t.answer(firstLeg);
    t.pbx.clearCommands();
    await expect(t.core.connectAgentPhone({ agentId: '1000' })).resolves.toEqual({ rung: false });
    expect(t.pbx.describe()).toEqual([]);

    await t.endLeg(firstLeg);
    expect((await t.core.getAgentSession('1000'))!.conference!.agentLegId).toBeNull();
    await expect(t.core.connectAgentPhone({ agentId: '1000' })).resolves.toEqual({ rung: true });
    const secondLeg = (await t.core.getAgentSession('1000'))!.conference!.agentLegId!;
    expect(secondLeg).not.toBe(firstLeg);
    expect(t.pbx.describe()).toEqual([`originate ${secondLeg} PJSIP/1000`]);
  });

  it('refuses to ring a phone into a session without conference, or without session', async () => {
    const t = await setup();
    await expect(t.core.connectAgentPhone({ agentId: '1000' })).rejects.toMatchObject({ code: 'AGENT_NOT_LOGGED_IN' });
    await t.core.loginAgent({ agentId: '1000', via: 'ccgateway', phoneNumber: '1000' });
    await expect(t.core.connectAgentPhone({ agentId: '1000' })).rejects.toMatchObject({ code: 'SESSION_HAS_NO_CONFERENCE' });
  });

  it('creates the conference without ringing when the phone is not to be connected', async () => {
    const t = await setup();
    const session = await t.core.loginAgent({ agentId: '1000', via: 'vicidial', conferenceNumber: '8600051' });
    expect(session.conference).toEqual({ number: '8600051', bridgeId: 'agent-1000.conference', agentLegId: null });
    expect(t.pbx.describe()).toEqual(['ensureBridge agent-1000.conference mixing']);
  });

  it('refuses a second login, and replaces the session when asked', async () => {
    const t = await setup();
    const first = await loginWithConference(t, '1000');
    expect(await domainErrorCode(t.core.loginAgent({ agentId: '1000', via: 'vicidial' }))).toBe('AGENT_ALREADY_LOGGED_IN');
    expect(await t.core.getAgentSession('1000')).toEqual(first);

    t.takeEvents();
    t.pbx.clearCommands();
    const second = await t.core.loginAgent({ agentId: '1000', via: 'ccgateway', phoneNumber: '1000', replaceExisting: true });
    expect(second.sessionId).not.toBe(first.sessionId);
    expect(second).toMatchObject({ loginVia: 'ccgateway', conference: null });
    expect(t.pbx.describe()).toEqual([`hangup ${first.conference!.agentLegId}`, 'destroyBridge agent-1000.conference']);
    expect(describeEvents(t.events)).toEqual(['AgentLoggedOut forced', 'AgentLoggedIn ready']);

    await t.confirmHangups();
    expect(describeEvents(t.events).slice(2)).toEqual(['LegEnded agent', 'AgentPhoneReleased by system', 'CallEnded']);
    expect(await t.core.getAgentSession('1000')).toEqual(second);
  });

  it.each([
    ['a wrong secret', { agentId: '1000', secret: 'nope' }, 'AUTH_FAILED'],
    ['a secret for an agent without one', { agentId: '1003', secret: '' }, 'AUTH_FAILED'],
    ['an unknown agent', { agentId: '9999' }, 'AGENT_NOT_FOUND'],
    ['an inactive agent', { agentId: '1002' }, 'AGENT_NOT_FOUND'],
  ])('refuses %s', async (_why, request, code) => {
    const t = await setup();
    expect(await domainErrorCode(t.core.loginAgent({ ...request, via: 'ccgateway' }))).toBe(code);
    expect(await t.core.getAgentSession(request.agentId)).toBeNull();
    expect(t.events).toEqual([]);
  });

  it('leaves no session behind when the engine is away for the conference', async () => {
    const t = await setup();
    t.pbx.setAvailable(false);
    expect(await domainErrorCode(t.core.loginAgent({ agentId: '1000', via: 'vicidial', conferenceNumber: '8600051', connectPhone: true }))).toBe('PBX_UNAVAILABLE');
    expect(await t.core.getAgentSession('1000')).toBeNull();
    expect(await t.core.listLiveCalls()).toEqual([]);
    expect(t.events).toEqual([]);
  });

  it('keeps the session, with no phone in its conference, when the phone cannot be rung', async () => {
    const t = await setup();
    t.pbx.failNext('originate');
    const error = await t.core.loginAgent({ agentId: '1000', via: 'vicidial', conferenceNumber: '8600051', connectPhone: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('PBX_REJECTED');
    expect((error as DomainError).details).toEqual({ pbxFailure: 'rejected', status: 422 });
    // The session was recorded before the engine was asked; its phone can be rung again (connectAgentPhone).
    expect(await t.core.getAgentSession('1000')).toMatchObject({ conference: { agentLegId: null } });
    expect(await t.core.listLiveCalls()).toEqual([]);
    await expect(t.core.connectAgentPhone({ agentId: '1000' })).resolves.toEqual({ rung: true });
  });
});

describe('logout', () => {
  it('ends an idle session: phone released, conference destroyed', async () => {
    const t = await setup();
    const session = await loginWithConference(t, '1000');
    t.takeEvents();
    t.pbx.clearCommands();

    await expect(t.core.logoutAgent({ agentId: '1000', whenInCall: 'defer' })).resolves.toBe('logged_out');
    expect(await t.core.getAgentSession('1000')).toBeNull();
    expect(t.pbx.describe()).toEqual([`hangup ${session.conference!.agentLegId}`, 'destroyBridge agent-1000.conference']);
    expect(describeEvents(t.events)).toEqual(['AgentLoggedOut requested']);

    await t.confirmHangups();
    const cdrs = await t.store.direct.cdrs.list();
    expect(cdrs).toHaveLength(1);
    expect(cdrs[0]).toMatchObject({ purpose: 'agent_phone', agentId: '1000', hangupSide: 'system' });
  });

  it('stops the audio playing for the agent', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    const { playback } = await t.core.startAgentPlayback({ agentId: '1000', media: { kind: 'sound', name: 'x' }, placement: 'conference' });
    await t.playbackStarted(playback.id);
    t.takeEvents();
    t.pbx.clearCommands();
    await t.core.logoutAgent({ agentId: '1000', whenInCall: 'refuse' });
    expect(t.pbx.describe()[0]).toBe(`stopPlayback ${playback.id}`);
    expect(describeEvents(t.events)).toEqual(['PlaybackFinished stopped', 'AgentLoggedOut requested']);
    expect(await t.store.direct.playbacks.get(playback.id)).toMatchObject({ state: 'finished', finishCause: 'stopped' });
  });

  it('unpauses the queue memberships of the agent', async () => {
    const t = await setup();
    await t.core.loginAgent({ agentId: '1000', via: 'voipsun', initialState: 'paused' });
    await t.core.logoutAgent({ agentId: '1000', whenInCall: 'refuse' });
    expect(await memberOf(t, '1000')).toMatchObject({ paused: false });
  });

  it('answers AGENT_NOT_LOGGED_IN for an agent without session', async () => {
    const t = await setup();
    expect(await domainErrorCode(t.core.logoutAgent({ agentId: '1000', whenInCall: 'defer' }))).toBe('AGENT_NOT_LOGGED_IN');
  });

  it('defers the logout of an agent in a call until the call ends', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    const { callId, customerLegId } = await connectedCustomerCall(t, '1000');
    t.takeEvents();

    await expect(t.core.logoutAgent({ agentId: '1000', whenInCall: 'defer' })).resolves.toBe('logout_pending');
    await expect(t.core.logoutAgent({ agentId: '1000', whenInCall: 'defer' })).resolves.toBe('logout_pending');
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'in_call', pendingLogout: true, currentCallId: callId });
    expect(t.events).toEqual([]);

    await t.endLeg(customerLegId);
    await t.confirmHangups();
    expect(await t.core.getAgentSession('1000')).toBeNull();
    expect(describeEvents(t.events)).toEqual([
      'LegEnded customer',
      'LegEnded agent',
      'AgentPhoneReleased by system',
      'CallEnded',
      'AgentStateChanged in_call->ready',
      'AgentLoggedOut after_call',
    ]);
  });

  it('refuses to log out an agent in a call when asked to, changing nothing', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    await connectedCustomerCall(t, '1000');
    const before = await t.core.getAgentSession('1000');
    expect(await domainErrorCode(t.core.logoutAgent({ agentId: '1000', whenInCall: 'refuse' }))).toBe('AGENT_BUSY');
    expect(await t.core.getAgentSession('1000')).toEqual(before);
  });

  it('forces the logout of an agent in a call: the call is hung up and the session ends now', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    const { callId, agentLegId, customerLegId } = await connectedCustomerCall(t, '1000');
    t.takeEvents();
    t.pbx.clearCommands();

    await expect(t.core.logoutAgent({ agentId: '1000', whenInCall: 'force' })).resolves.toBe('logged_out');
    expect(await t.core.getAgentSession('1000')).toBeNull();
    expect(t.pbx.hungUp().sort()).toEqual([agentLegId, customerLegId].sort());
    expect(describeEvents(t.events)).toEqual(['AgentLoggedOut forced']);

    await t.confirmHangups();
    const cdr = await t.core.getCdrOfCall(callId);
    expect(cdr).toMatchObject({ agentId: '1000', hangupSide: 'system' });
    expect(await t.core.getAgentSession('1000')).toBeNull();
  });
});

describe('pause and resume', () => {
  it('pauses a ready agent now and pauses the queue memberships', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    t.takeEvents();
    await expect(t.core.pauseAgent({ agentId: '1000', reason: 'busy:200' })).resolves.toBe('paused');
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'paused', pauseReason: 'busy:200' });
    expect(await memberOf(t, '1000')).toMatchObject({ paused: true });
    expect(t.events).toEqual([{ type: 'AgentStateChanged', agentId: '1000', from: 'ready', to: 'paused', reason: 'busy:200', at: t.clock.now() }]);
  });

  it('answers already_paused for a paused agent', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    await t.core.pauseAgent({ agentId: '1000', reason: 'A' });
    await expect(t.core.pauseAgent({ agentId: '1000', reason: 'B' })).resolves.toBe('already_paused');
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'paused', pauseReason: 'B' });
  });

  it('resumes a paused agent and refuses to resume a ready one', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    await t.core.pauseAgent({ agentId: '1000', reason: 'A' });
    t.takeEvents();
    await t.core.resumeAgent({ agentId: '1000' });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'ready', pauseReason: null });
    expect(await memberOf(t, '1000')).toMatchObject({ paused: false });
    expect(describeEvents(t.events)).toEqual(['AgentStateChanged paused->ready']);
    expect(await domainErrorCode(t.core.resumeAgent({ agentId: '1000' }))).toBe('AGENT_NOT_PAUSED');
  });

  it('answers AGENT_NOT_LOGGED_IN without a session', async () => {
    const t = await setup();
    expect(await domainErrorCode(t.core.pauseAgent({ agentId: '1000', reason: null }))).toBe('AGENT_NOT_LOGGED_IN');
    expect(await domainErrorCode(t.core.resumeAgent({ agentId: '1000' }))).toBe('AGENT_NOT_LOGGED_IN');
  });

  it('keeps a pause asked for during a call pending and applies it when the call ends', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    const { customerLegId } = await connectedCustomerCall(t, '1000');
    t.takeEvents();

    await expect(t.core.pauseAgent({ agentId: '1000', reason: 'rest:3' })).resolves.toBe('pause_pending');
    expect(t.events).toEqual([{ type: 'AgentPausePending', agentId: '1000', reason: 'rest:3', at: t.clock.now() }]);
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'in_call', pendingPause: { reason: 'rest:3' } });
    expect(await memberOf(t, '1000')).toMatchObject({ paused: false });

    await t.endLeg(customerLegId);
    await t.confirmHangups();
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'paused', pauseReason: 'rest:3', pendingPause: null, currentCallId: null });
    expect(await memberOf(t, '1000')).toMatchObject({ paused: true });
    expect(describeEvents(t.events).slice(-1)).toEqual(['AgentStateChanged in_call->paused (rest:3)']);
  });

  it('returns an agent who was paused before the call to the pause', async () => {
    const t = await setup();
    await t.core.loginAgent({ agentId: '1000', via: 'ccgateway', phoneNumber: '1000', initialState: 'paused', pauseReason: 'busy:201' });
    const { customerLegId } = await connectedCustomerCall(t, '1000');
    await t.endLeg(customerLegId);
    await t.confirmHangups();
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'paused', pauseReason: 'busy:201' });
  });

  it('puts the agent into wrap-up after a call when the session asks for it; resume ends it', async () => {
    const t = await setup();
    await t.core.loginAgent({ agentId: '1000', via: 'ccgateway', phoneNumber: '1000', afterCall: 'wrap_up' });
    const { customerLegId } = await connectedCustomerCall(t, '1000');
    await t.endLeg(customerLegId);
    await t.confirmHangups();
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up' });
    t.takeEvents();
    await t.core.resumeAgent({ agentId: '1000' });
    expect(describeEvents(t.events)).toEqual(['AgentStateChanged wrap_up->ready']);
  });
});

describe('liveness', () => {
  it('records a sign of life', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    await t.advance(30_000);
    await t.core.touchAgentSession('1000');
    expect((await t.core.getAgentSession('1000'))!.lastSeenAt).toEqual(t.clock.now());
    expect(await domainErrorCode(t.core.touchAgentSession('1001'))).toBe('AGENT_NOT_LOGGED_IN');
  });

  it('signs out the quiet sessions of one channel, ending their calls', async () => {
    const t = await setup();
    await loginPlain(t, '1000', 'ccgateway');
    await loginPlain(t, '1001', 'ccgateway');
    await t.core.loginAgent({ agentId: '1003', via: 'vicidial' });
    const { callId, agentLegId, customerLegId } = await connectedCustomerCall(t, '1000');
    await t.advance(90_000);
    await t.core.touchAgentSession('1001');
    await t.advance(60_000);
    t.takeEvents();
    t.pbx.clearCommands();

    await expect(t.core.expireIdleSessions({ via: 'ccgateway', idleMs: 120_000 })).resolves.toEqual(['1000']);
    expect(await t.core.getAgentSession('1000')).toBeNull();
    expect(await t.core.getAgentSession('1001')).not.toBeNull();
    expect(await t.core.getAgentSession('1003')).not.toBeNull();
    expect(t.pbx.hungUp().sort()).toEqual([agentLegId, customerLegId].sort());
    expect(describeEvents(t.events)).toEqual(['AgentLoggedOut idle_timeout']);

    await t.confirmHangups();
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ hangupSide: 'system' });
    await expect(t.core.expireIdleSessions({ via: 'ccgateway', idleMs: 120_000 })).resolves.toEqual([]);
  });

  it('leaves a session whose events are pushed, however quiet its client', async () => {
    const t = await setup();
    await t.core.loginAgent({ agentId: '1000', via: 'ccgateway', eventPush: { url: 'https://crm.example.com/events', headers: {} } });
    await loginPlain(t, '1001', 'ccgateway');
    await t.advance(600_000);
    await expect(t.core.expireIdleSessions({ via: 'ccgateway', idleMs: 120_000 })).resolves.toEqual(['1001']);
    expect(await t.core.getAgentSession('1000')).toMatchObject({ eventPush: { url: 'https://crm.example.com/events', headers: {} } });
  });
});
