import type { ModelStep, StepEffect } from './sequential-order-search';

/**
 * The agent as the dialect documents describe it (docs/vicidial.md,
 * docs/cc-gateway.md): ready, paused (busy), in a call, after-call work, or
 * logged out; a pause or logout asked for during a call waits for its end.
 * Each step is one command as a client sees it: the outcome it is answered
 * with, and what it changes.
 */
export interface AgentModel {
  loggedIn: boolean;
  state: 'ready' | 'paused' | 'in_call' | 'wrap_up';
  /** Where the agent goes when the call ends (unless a pause or logout is pending). */
  stateBeforeCall: 'ready' | 'paused' | 'wrap_up' | null;
  pendingPause: boolean;
  pendingLogout: boolean;
  /** Audio playing for the agent (VICIdial: in the conference; CC-Gateway: the call that rings the phone for it). */
  audio: boolean;
  /** The customer of the current call was asked to hang up; the engine's word that it did is still to come. */
  hangupRequested: boolean;
}

export const loggedOut: AgentModel = {
  loggedIn: false,
  state: 'ready',
  stateBeforeCall: null,
  pendingPause: false,
  pendingLogout: false,
  audio: false,
  hangupRequested: false,
};

const effect = (state: AgentModel, outcome: string, events: readonly string[] = [], follows: ReadonlyArray<ModelStep<AgentModel>> = []): StepEffect<AgentModel> => ({
  state,
  outcome,
  events,
  follows,
});

/** Where a call's end takes the agent (core endCall): pending logout, then pending pause, then back where it was. */
export function callEnded(agent: AgentModel): AgentModel {
  if (agent.pendingLogout) return loggedOut;
  const back = agent.pendingPause ? 'paused' : agent.stateBeforeCall === 'paused' ? 'paused' : 'ready';
  return { ...agent, state: back, stateBeforeCall: null, pendingPause: false, hangupRequested: false };
}

const step = (label: string, run: (agent: AgentModel) => StepEffect<AgentModel>): ModelStep<AgentModel> => ({ label, run });

/** The engine reports the customer gone; the call ends in the agent's queue. */
const customerGone = step('customer hung up', (agent) => effect(agent.loggedIn && agent.state === 'in_call' ? callEnded(agent) : agent, 'done'));

export const vicidialSteps = {
  pause: step('external_pause PAUSE', (agent) => {
    if (!agent.loggedIn) return effect(agent, 'NOT_LOGGED_IN');
    if (agent.state === 'in_call') return effect({ ...agent, pendingPause: true }, 'SUCCESS');
    return effect({ ...agent, state: 'paused' }, 'SUCCESS');
  }),
  resume: step('external_pause RESUME', (agent) => {
    if (!agent.loggedIn) return effect(agent, 'NOT_LOGGED_IN');
    if (agent.state !== 'paused' && agent.state !== 'wrap_up') return effect(agent, 'NOT_PAUSED');
    return effect({ ...agent, state: 'ready', pendingPause: false }, 'SUCCESS');
  }),
  logout: step('logout LOGOUT', (agent) => {
    if (!agent.loggedIn) return effect(agent, 'NOT_LOGGED_IN');
    if (agent.state === 'in_call') return effect({ ...agent, pendingLogout: true }, 'SUCCESS');
    return effect(loggedOut, 'SUCCESS');
  }),
  play: step('audio_playback PLAY', (agent) => {
    if (!agent.loggedIn) return effect(agent, 'NOT_LOGGED_IN');
    if (agent.audio) return effect(agent, 'ALREADY_PLAYING');
    return effect({ ...agent, audio: true }, 'SUCCESS');
  }),
  playOver: step('audio_playback PLAY dial_override=Y', (agent) => {
    if (!agent.loggedIn) return effect(agent, 'NOT_LOGGED_IN');
    return effect({ ...agent, audio: true }, agent.audio ? 'REPLACED' : 'SUCCESS');
  }),
  stop: step('audio_playback STOP', (agent) => {
    if (!agent.loggedIn) return effect(agent, 'NOT_LOGGED_IN');
    if (!agent.audio) return effect(agent, 'NO_AUDIO');
    return effect({ ...agent, audio: false }, 'SUCCESS');
  }),
  hangup: step('external_hangup', (agent) => {
    if (!agent.loggedIn) return effect(agent, 'NOT_LOGGED_IN');
    if (agent.state !== 'in_call' || agent.hangupRequested) return effect(agent, 'SUCCESS');
    return effect({ ...agent, hangupRequested: true }, 'SUCCESS', [], [customerGone]);
  }),
};

/** CC-Gateway notices of a state change (docs/cc-gateway.md, event catalogue). */
const toReady = (from: AgentModel['state']): string[] =>
  from === 'paused' ? ['AgentState_CancelNotReady_Success', 'AgentState_Ready'] : from === 'wrap_up' ? ['AgentState_CancelWork_Success', 'AgentState_Ready'] : [];

/** The play of an idle agent: busy, the phone rings and answers, the recording starts (it outlasts the round). */
const PLAY_EVENTS = ['AgentState_Busy', 'AgentOther_PhoneAlerting', 'AgentOther_PhoneOffhook {"type":"main"}', 'AgentMediaEvent_Play_Succ', 'AgentMediaEvent_Play'];

export const ccgatewaySteps = {
  sayBusy: step('saybusy', (agent) => {
    if (!agent.loggedIn) return effect(agent, '100-006');
    if (agent.state === 'paused') return effect(agent, '100-009');
    if (agent.state === 'in_call') return effect({ ...agent, pendingPause: true }, '0');
    return effect({ ...agent, state: 'paused' }, '0', ['AgentState_SetNotReady_Success {"reason":"0"}']);
  }),
  sayFree: step('sayfree', (agent) => {
    if (!agent.loggedIn) return effect(agent, '100-006');
    if (agent.state === 'in_call') return effect(agent, '100-009');
    return effect({ ...agent, state: 'ready' }, '0', toReady(agent.state));
  }),
  signOut: step('logout', (agent) => {
    if (!agent.loggedIn) return effect(agent, '100-006');
    if (agent.state === 'in_call') return effect(agent, '100-010');
    return effect(loggedOut, '0', ['AgentOther_ShutdownService']);
  }),
  play: step('recordplay play', (agent) => {
    if (!agent.loggedIn) return effect(agent, '100-006');
    if (agent.audio || agent.state === 'in_call') return effect(agent, '500-007');
    return effect({ ...agent, state: 'in_call', stateBeforeCall: agent.state, audio: true }, '0', PLAY_EVENTS);
  }),
  status: step('agentstatus', (agent) => {
    if (!agent.loggedIn) return effect(agent, '100-006');
    const code = { ready: '1', paused: '7', wrap_up: '6', in_call: 'talking' }[agent.state];
    return effect(agent, code);
  }),
};

/** Field by field, so a difference is a difference of state, not of how it was built. */
export function sameAgent(a: AgentModel, b: AgentModel): boolean {
  return (
    a.loggedIn === b.loggedIn &&
    a.state === b.state &&
    a.stateBeforeCall === b.stateBeforeCall &&
    a.pendingPause === b.pendingPause &&
    a.pendingLogout === b.pendingLogout &&
    a.audio === b.audio &&
    a.hangupRequested === b.hangupRequested
  );
}
