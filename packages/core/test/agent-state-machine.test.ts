import { DomainError, endCall, pauseSession, resumeSession, startCall, type AgentSession, type AgentState } from '../src';

const T0 = new Date('2024-03-01T09:00:00Z');
const T1 = new Date('2024-03-01T09:05:00Z');

function session(overrides: Partial<AgentSession> = {}): AgentSession {
  return {
    agentId: '1000',
    sessionId: 's-1',
    state: 'ready',
    pauseReason: null,
    pauseLimitSec: null,
    stateBeforeCall: null,
    device: 'PJSIP/1000',
    phoneNumber: '1000',
    conference: null,
    serverIp: '10.0.0.1',
    campaignId: null,
    currentCallId: null,
    lead: null,
    previewLeadId: null,
    pendingDisposition: null,
    pendingPause: null,
    pendingWrapUp: false,
    pendingLogout: false,
    screenRefresh: null,
    timerAction: null,
    blended: true,
    afterCall: 'ready',
    autoAnswer: false,
    answerOnRequest: false,
    eventPush: null,
    loginVia: 'vicidial',
    loggedInAt: T0,
    lastSeenAt: T0,
    stateChangedAt: T0,
    ...overrides,
  };
}

function codeOf(work: () => unknown): string | null {
  try {
    work();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.code : `not a DomainError: ${String(error)}`;
  }
}

describe('pausing', () => {
  it('pauses a ready agent now, with the reason and the time of the change', () => {
    const { session: paused, outcome } = pauseSession(session(), 'LUNCH', T1);
    expect(outcome).toBe('paused');
    expect(paused).toMatchObject({ state: 'paused', pauseReason: 'LUNCH', pendingPause: null, stateChangedAt: T1 });
  });

  it('answers already_paused for a paused agent and takes the new reason', () => {
    const { session: paused, outcome } = pauseSession(session({ state: 'paused', pauseReason: 'LUNCH' }), 'BREAK', T1);
    expect(outcome).toBe('already_paused');
    expect(paused).toMatchObject({ state: 'paused', pauseReason: 'BREAK' });
  });

  it('defers the pause of an agent in a call, leaving the call state alone', () => {
    const inCall = session({ state: 'in_call', currentCallId: 'c1', stateBeforeCall: 'ready' });
    const { session: next, outcome } = pauseSession(inCall, '200', T1);
    expect(outcome).toBe('pause_pending');
    expect(next).toMatchObject({ state: 'in_call', currentCallId: 'c1', pendingPause: { reason: '200' }, stateChangedAt: T0 });
  });

  it('pauses an agent in wrap-up at once: only a call defers a pause', () => {
    const { session: next, outcome } = pauseSession(session({ state: 'wrap_up' }), '201', T1);
    expect(outcome).toBe('paused');
    expect(next).toMatchObject({ state: 'paused', pauseReason: '201', pendingPause: null, stateChangedAt: T1 });
  });
});

describe('resuming', () => {
  it.each<AgentState>(['paused', 'wrap_up'])('makes a %s agent ready and drops reason and pending pause', (state) => {
    const resumed = resumeSession(session({ state, pauseReason: 'LUNCH', pendingPause: { reason: 'X' } }), T1);
    expect(resumed).toMatchObject({ state: 'ready', pauseReason: null, pendingPause: null, stateChangedAt: T1 });
  });

  it.each<AgentState>(['ready', 'in_call'])('refuses a %s agent with AGENT_NOT_PAUSED and the state in the details', (state) => {
    try {
      resumeSession(session({ state }), T1);
      throw new Error('resume should have been refused');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('AGENT_NOT_PAUSED');
      expect((error as DomainError).details).toEqual({ state });
    }
  });
});

describe('calls', () => {
  it('remembers the state before the call and the call', () => {
    const busy = startCall(session({ state: 'paused', pauseReason: 'LUNCH' }), 'c1', T1);
    expect(busy).toMatchObject({ state: 'in_call', stateBeforeCall: 'paused', currentCallId: 'c1', stateChangedAt: T1 });
  });

  it('refuses a second call with AGENT_BUSY naming the current one', () => {
    const busy = startCall(session(), 'c1', T1);
    expect(codeOf(() => startCall(busy, 'c2', T1))).toBe('AGENT_BUSY');
    try {
      startCall(busy, 'c2', T1);
    } catch (error) {
      expect((error as DomainError).details).toEqual({ callId: 'c1' });
    }
  });

  it.each<[AgentSession['stateBeforeCall'], AgentState]>([
    ['ready', 'ready'],
    ['paused', 'paused'],
    ['wrap_up', 'ready'],
    [null, 'ready'],
  ])('after a call started in %s the agent goes back to %s', (before, after) => {
    const { session: next, logout } = endCall(session({ state: 'in_call', currentCallId: 'c1', stateBeforeCall: before, pauseReason: before === 'paused' ? 'LUNCH' : null }), T1);
    expect(logout).toBe(false);
    expect(next).toMatchObject({ state: after, currentCallId: null, stateBeforeCall: null, stateChangedAt: T1 });
    if (after === 'paused') expect(next.pauseReason).toBe('LUNCH');
  });

  it('goes to wrap-up after the call when the session asks for after-call work', () => {
    const { session: next } = endCall(session({ state: 'in_call', currentCallId: 'c1', stateBeforeCall: 'paused', afterCall: 'wrap_up' }), T1);
    expect(next.state).toBe('wrap_up');
  });

  it('applies a pending pause when the call ends, with its reason, before after-call work', () => {
    const inCall = session({ state: 'in_call', currentCallId: 'c1', stateBeforeCall: 'ready', afterCall: 'wrap_up', pendingPause: { reason: '201' } });
    const { session: next, logout } = endCall(inCall, T1);
    expect(logout).toBe(false);
    expect(next).toMatchObject({ state: 'paused', pauseReason: '201', pendingPause: null, currentCallId: null });
  });

  it('asks for the logout when one is pending, even with a pending pause', () => {
    const inCall = session({ state: 'in_call', currentCallId: 'c1', pendingLogout: true, pendingPause: { reason: 'X' } });
    const { session: next, logout } = endCall(inCall, T1);
    expect(logout).toBe(true);
    expect(next).toMatchObject({ currentCallId: null, state: 'ready' });
  });

  it('does not change the session it is given', () => {
    const original = session();
    const frozen = structuredClone(original);
    pauseSession(original, 'X', T1);
    startCall(original, 'c1', T1);
    expect(original).toEqual(frozen);
  });
});
