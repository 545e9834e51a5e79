import { CUSTOMER_CALL, QUEUED_CALL, WRAP_UP_REQUESTED, type Call, type DomainEvent, type Recording, type EventPush, type Leg, type EachEventProjector, type StoreTransaction } from '@pbx-gateway/core';
import { GUID_KIND } from './auth';
import { pushMessage, pushOrderingKey } from './push';
import { defaultCcgatewaySettings, type CcgatewaySettings } from './settings';
import { callFeature, INTERNAL_CALL_FEATURE } from './wire/call-feature';
import { busyReasonOf, isRestPause } from './wire/agent-state';
import { eventMessage, type WireEvent, type WireEventContent, type WireEventType } from './wire/events';
import { INSPECTOR_ATTRIBUTE } from './wire/inspector';
import { CONNECT_HOLD_TAG, SUCCESS_TRANSFER_TAG } from './wire/transfer-tag';

/**
 * The mailbox of an inspector signed in through CC-Gateway that receives the
 * wire events of every CC-Gateway agent (`GET /agentevent/allagentevent`).
 */
export const ALL_AGENTS_CHANNEL = 'ccgateway-all';

/** The agent mailbox channel the projector fills and the event poll empties. */
export const MAILBOX_CHANNEL = 'ccgateway';

type Notice = readonly [WireEventType, WireEventContent];

/** `AgentEvent_SuccTransResult` `result` of a success transfer whose target failed. */
const TRANSFER_FAILED = 1;

const PLAYBACK_END_CAUSE = { done: 0, stopped: 1, failed: 2 } as const;

/** The agents an event concerns: one, or both agents of a call between two agents. */
function agentsOf(event: DomainEvent): string[] {
  if ((event.type === 'LegEnded') && event.call.purpose === 'agent_internal') return [event.call.agentId!, event.call.progress.calledAgentId];
  const agentId = agentOf(event);
  const agents = agentId === null ? [] : [agentId];
  // A helping agent hears its call's end too (its phone's end, or the customer's).
  const helper = event.type === 'LegEnded' ? helperOf(event.call) : null;
  return helper !== null && helper !== agentId ? [...agents, helper] : agents;
}

/** Events that concern one agent, and that agent. */
function agentOf(event: DomainEvent): string | null {
  switch (event.type) {
    case 'AgentLoggedIn':
    case 'AgentLoggedOut':
    case 'AgentStateChanged':
    case 'AgentPauseLimitReached':
    case 'AgentPhoneRinging':
    case 'AgentPhoneAnswered':
    case 'AgentPhoneReleased':
      return event.agentId;
    case 'InboundCallOffered':
    case 'CustomerTransferred':
    case 'TransferFailed':
    case 'CallTakenOver':
      return event.agentId;
    case 'LegRinging':
    case 'LegAnswered':
    case 'LegEnded':
    case 'CallPartyHeld':
    case 'CallPartyRetrieved':
      return isAgentCall(event.call) ? event.call.agentId : null;
    case 'PlaybackStarted':
    case 'PlaybackPaused':
    case 'PlaybackResumed':
    case 'PlaybackJumped':
    case 'PlaybackFinished':
      return event.agentId;
    case 'RecordingStarted':
    case 'RecordingEnded':
      return event.recording.agentId;
    default:
      return null;
  }
}

/** `phoneState` 2: the agent hung up; 3: the platform released the phone (or stopped ringing it). */
const phoneState = (event: Extract<DomainEvent, { type: 'AgentPhoneReleased' }>): 2 | 3 => (event.by === 'agent' ? 2 : 3);

/** A state change in Huawei's words (spec §6.3, §7): rest and requested wrap-up have events of their own. */
function stateNotices(event: Extract<DomainEvent, { type: 'AgentStateChanged' }>): Notice[] {
  const { from, to, reason } = event;
  switch (to) {
    case 'in_call':
      // A skill call offered to the agent, or a callout ringing its phone: Huawei reports the agent busy once its phone answers.
      return reason === QUEUED_CALL || reason === CUSTOMER_CALL ? [] : [['AgentState_Busy', null]];
    case 'paused':
      if (isRestPause(reason)) return [['AgentState_SetRest_Success', null]];
      return [['AgentState_SetNotReady_Success', { reason: busyReasonOf(reason) }]];
    case 'wrap_up':
      if (reason === WRAP_UP_REQUESTED) return [['AgentState_SetWork_Success', null], ['AgentState_Work', null]];
      return [['AgentState_Work', null]];
    case 'ready':
      if (from === 'paused' && isRestPause(event.endedPause)) return [['AgentState_CancelRest_Success', null], ['AgentState_Ready', null]];
      if (from === 'paused') return [['AgentState_CancelNotReady_Success', null], ['AgentState_Ready', null]];
      if (from === 'wrap_up') return [['AgentState_CancelWork_Success', null], ['AgentState_Ready', null]];
      return [['AgentState_Ready', null]];
  }
}

/** What Huawei's call events carry of an inbound call (`cec_07_1366`: `feature` 0 = ordinary inbound call, `mediaAbility` 1 = voice). */
function ringingContent(call: Call): WireEventContent {
  return { caller: call.fromNumber, transfer: 'no', callid: call.id, transfrom: '', called: call.toNumber, type: 'main', mediaAbility: '1', feature: '0' };
}

/** The agent's calls with a customer: a skill call (inbound) and a callout; and a call to another agent, of which the calling agent hears the other party's ringing and answer. */
const isAgentCall = (call: Call): boolean => call.purpose === 'inbound' || call.purpose === 'agent_customer' || call.purpose === 'agent_internal';

/** The called agent's phone leg of a call between two agents. */
const isCalledAgentLeg = (call: Call, leg: Leg): boolean => call.purpose === 'agent_internal' && call.progress.calledLegId === leg.id;

/** The customer's leg of an agent's call. */
const isCustomerLeg = (call: Call, leg: Leg): boolean => (call.purpose === 'inbound' ? leg.role === 'caller' : leg.role === 'customer');

/** The agent's phone leg that carries an agent's call. */
function isAgentLeg(call: Call, leg: Leg): boolean {
  if (leg.role !== 'agent') return false;
  if (call.purpose === 'inbound') return call.progress.agentLegId === leg.id;
  // The phone of an agent taken off the call by an intercept is not the call's agent any more.
  return call.purpose !== 'agent_customer' || !(call.progress.formerAgentLegIds ?? []).includes(leg.id);
}

/** The agent helping in an agent's customer call (`innerhelp`), if it ever had one. */
const helperOf = (call: Call): string | null => ((call.purpose === 'agent_customer' || call.purpose === 'inbound') && call.progress.helperLeg ? call.progress.helperLeg.agentId : null);

/** The phone leg of the agent helping in an agent's customer call. */
const isHelperLeg = (call: Call, leg: Pick<Leg, 'id'>): boolean => (call.purpose === 'agent_customer' || call.purpose === 'inbound') && call.progress.helperLeg?.legId === leg.id;

/**
 * What the helping agent's `AgentEvent_Talking` carries: the asking agent's
 * work number as `caller`, its own as `called`, and the internal call's
 * `feature` (a call between two agents of the centre).
 */
function helperTalkingContent(call: Call, helperId: string): WireEventContent {
  return { caller: call.agentId ?? '', called: helperId, callid: call.id, feature: String(INTERNAL_CALL_FEATURE), type: 'main', mediaAbility: '1' };
}

/**
 * The helper answered, as the asking agent sees it: with the customer on hold
 * (two-party help) the agent talks with the helper (`AgentEvent_Talking`, the
 * helper's work number `called`); with the customer on the line (three-party
 * help) the three of them talk (`AgentEvent_Conference`, as `confjoin` reports it).
 */
async function helperAnsweredNotice(call: Call, leg: Leg, tx: StoreTransaction): Promise<Notice> {
  const customer = (await tx.calls.legsOf(call.id)).find((candidate) => isCustomerLeg(call, candidate) && candidate.state === 'up');
  const parked = 'parkedLegIds' in call.progress ? (call.progress.parkedLegIds ?? []) : [];
  if (customer && !parked.includes(customer.id)) {
    const customerNumber = call.purpose === 'inbound' ? call.fromNumber : call.toNumber;
    return ['AgentEvent_Conference', { callid: call.id, partner: `${customerNumber},${leg.dialedNumber}` }];
  }
  return ['AgentEvent_Talking', talkingContent(call, leg.dialedNumber)];
}

/**
 * A leg of a customer call ended, as the agent helping in it sees it. Of a
 * help the helper answered, the first of customer and helper to go says who
 * released: the customer (`AgentEvent_Customer_Release`), the helper itself
 * on its phone (`AgentEvent_Call_Release`), or the gateway on someone else's
 * word (the asking agent's `disconnect` or release: `AgentEvent_Customer_Release`,
 * the other party released).
 */
async function helperReleaseNotices(event: Extract<DomainEvent, { type: 'LegEnded' }>, tx: StoreTransaction): Promise<Notice[]> {
  const { call, leg } = event;
  const isHelper = isHelperLeg(call, leg);
  if (!isHelper && !isCustomerLeg(call, leg)) return [];
  const legs = await tx.calls.legsOf(call.id);
  const helperLeg = legs.find((candidate) => isHelperLeg(call, candidate));
  if (!helperLeg || helperLeg.answeredAt === null) return [];
  const endedBefore = legs.some((other) => other.id !== leg.id && other.state === 'ended' && (isHelperLeg(call, other) || isCustomerLeg(call, other)));
  if (endedBefore) return [];
  const byHelper = isHelper && !leg.hangupRequested;
  return [[byHelper ? 'AgentEvent_Call_Release' : 'AgentEvent_Customer_Release', { callid: call.id }]];
}

/** The party a talk transfer dialled for the agent to consult (the agent still on the call): Huawei reports its ringing and answer as a callout's. */
const isConsultedParty = (call: Call, leg: Leg): boolean =>
  (call.purpose === 'agent_customer' || call.purpose === 'inbound') && leg.role === 'third_party' && call.progress.agentLeft !== true;

function talkingContent(call: Call, called = call.toNumber): WireEventContent {
  return { caller: call.fromNumber, called, callid: call.id, feature: String(callFeature(call)), type: 'main', mediaAbility: '1' };
}

/**
 * The customer back in the agent's call. With a consulted party still on
 * the line the three of them talk: `AgentEvent_Conference` (Huawei
 * `cec_07_1358`), `partner` the numbers of the two other parties, the
 * customer's first; otherwise the agent talks with the customer again.
 */
async function retrievedNotice(event: Extract<DomainEvent, { type: 'CallPartyRetrieved' }>, tx: StoreTransaction): Promise<Notice> {
  const { call, leg } = event;
  const thirdPartyLegId = 'thirdPartyLegId' in call.progress ? call.progress.thirdPartyLegId : null;
  if (thirdPartyLegId && isCustomerLeg(call, leg)) {
    const third = (await tx.calls.legsOf(call.id)).find((candidate) => candidate.id === thirdPartyLegId && candidate.state === 'up');
    const customerNumber = call.purpose === 'inbound' ? call.fromNumber : call.toNumber;
    if (third) return ['AgentEvent_Conference', { callid: call.id, partner: `${customerNumber},${third.dialedNumber}` }];
  }
  return ['AgentEvent_Talking', talkingContent(call)];
}

/**
 * A leg of an agent's call ended. A callout whose customer never answered
 * failed (`AgentEvent_Call_Out_Fail`, its content the bare call id). Of a
 * call that was talking, the first of agent and customer to go says who
 * released it: the customer (`AgentEvent_Customer_Release`) or the agent,
 * on its phone or through the gateway (`AgentEvent_Call_Release`); the other
 * party's end, which follows, says nothing more. An agent that transferred
 * its customer is the one that released.
 */
async function releaseNotices(event: Extract<DomainEvent, { type: 'LegEnded' }>, tx: StoreTransaction): Promise<Notice[]> {
  const { call, leg } = event;
  if (!isCustomerLeg(call, leg) && !isAgentLeg(call, leg)) return [];
  const legs = await tx.calls.legsOf(call.id);
  const customer = legs.find((candidate) => isCustomerLeg(call, candidate)) ?? null;
  if (call.purpose === 'agent_customer' && isCustomerLeg(call, leg) && leg.answeredAt === null) return [['AgentEvent_Call_Out_Fail', call.id]];
  // A customer transferred into a queue has left this call with its leg: the agent's end is the release.
  const transferred = call.purpose === 'agent_customer' && Boolean(call.progress.transferredTo);
  const talking = call.purpose === 'inbound' ? call.progress.stage === 'connected' : customer?.answeredAt != null || transferred;
  if (!talking) return [];
  const partyEndedBefore = legs.some((other) => other.id !== leg.id && other.state === 'ended' && other.endedAt !== null && (isCustomerLeg(call, other) || isAgentLeg(call, other)));
  if (partyEndedBefore) return [];
  const byCustomer = isCustomerLeg(call, leg) && !leg.hangupRequested;
  return [[byCustomer ? 'AgentEvent_Customer_Release' : 'AgentEvent_Call_Release', { callid: call.id }]];
}

/**
 * A phone of a call between two agents was released, as one of the agents
 * sees it. The called agent's phone never answering is the call failing
 * (`AgentEvent_Inside_Call_Fail` to the calling agent). Of a call that was
 * talking, the first phone to go says who released it: the agent itself
 * (`AgentEvent_Call_Release`) or the other agent (`AgentEvent_Customer_Release`,
 * the other party); a phone the gateway hung up was released by the agent
 * that asked, the other one.
 */
async function internalReleaseNotices(event: Extract<DomainEvent, { type: 'LegEnded' }>, tx: StoreTransaction, agentId: string): Promise<Notice[]> {
  const { call, leg } = event;
  if (call.purpose !== 'agent_internal') return [];
  const callingAgent = call.agentId!;
  if (isCalledAgentLeg(call, leg) && leg.answeredAt === null) return agentId === callingAgent ? [['AgentEvent_Inside_Call_Fail', call.id]] : [];
  const legs = await tx.calls.legsOf(call.id);
  const talking = legs.length === 2 && legs.every((candidate) => candidate.answeredAt !== null);
  if (!talking) return [];
  if (legs.some((other) => other.id !== leg.id && other.state === 'ended' && other.endedAt !== null)) return [];
  const ownerOfLeg = isCalledAgentLeg(call, leg) ? call.progress.calledAgentId : callingAgent;
  const otherAgent = ownerOfLeg === callingAgent ? call.progress.calledAgentId : callingAgent;
  const releasedBy = leg.hangupRequested ? otherAgent : ownerOfLeg;
  return [[releasedBy === agentId ? 'AgentEvent_Call_Release' : 'AgentEvent_Customer_Release', { callid: call.id }]];
}

/** The wire events of one domain event for one agent, in the order Huawei's tables give them. */
async function noticesOf(event: DomainEvent, tx: StoreTransaction, agentId: string): Promise<Notice[]> {
  switch (event.type) {
    case 'AgentLoggedIn': {
      const notices: Notice[] = [['AgentOther_InService', null], ['AgentState_Ready', null]];
      if (event.state === 'paused') notices.push(['AgentState_SetNotReady_Success', { reason: busyReasonOf(event.pauseReason) }]);
      if (event.state === 'wrap_up') notices.push(['AgentState_Work', null]);
      return notices;
    }
    case 'AgentLoggedOut':
      return [['AgentOther_ShutdownService', null]];
    case 'AgentStateChanged':
      // A pause that only changes its reason (saybusy with prolong) is announced again; nothing else repeats.
      return event.from === event.to && event.to !== 'paused' ? [] : stateNotices(event);
    case 'AgentPauseLimitReached':
      return isRestPause(event.reason) ? [['AgentState_Rest_Timeout', null]] : [];
    case 'AgentPhoneRinging':
      return [['AgentOther_PhoneAlerting', null]];
    case 'AgentPhoneAnswered': {
      const offhook: Notice = ['AgentOther_PhoneOffhook', { type: 'main' }];
      const call = (await tx.calls.get(event.callId)) ?? null;
      // The helping agent's phone (innerhelp): it talks at once, with the agent who asked.
      if (call && isHelperLeg(call, { id: event.legId })) return [offhook, ['AgentState_Busy', null], ['AgentEvent_Talking', helperTalkingContent(call, event.agentId)]];
      if (call?.purpose === 'inbound') return [offhook, ['AgentState_Busy', null], ['AgentEvent_Talking', talkingContent(call)]];
      // A callout: the customer is dialled now; Talking comes when the customer answers.
      if (call?.purpose === 'agent_customer') return [offhook, ['AgentState_Busy', null]];
      // A call between two agents: the calling agent talks once the called one answers; the called agent talks at once.
      if (call?.purpose === 'agent_internal') {
        if (event.agentId === call.agentId) return [offhook, ['AgentState_Busy', null]];
        return [offhook, ['AgentState_Busy', null], ['AgentEvent_Talking', talkingContent(call)]];
      }
      return [offhook];
    }
    case 'InboundCallOffered':
      return event.call.progress.stage === 'ringing_agent' ? [['AgentEvent_Ringing', ringingContent(event.call)]] : [];
    case 'LegRinging':
      // Huawei `cec_07_1356`: of an internal call, `otherPhone` is the called agent's work number.
      if (isCalledAgentLeg(event.call, event.leg)) return [['AgentEvent_Customer_Alerting', { callid: event.call.id, otherPhone: event.call.toNumber, otherPhoneWorkno: event.call.toNumber, type: 'main' }]];
      // A helping agent, as an internal call's called agent, is named by its work number in both fields.
      if (isHelperLeg(event.call, event.leg)) return [['AgentEvent_Customer_Alerting', { callid: event.call.id, otherPhone: event.leg.dialedNumber, otherPhoneWorkno: event.leg.dialedNumber, type: 'main' }]];
      if (isConsultedParty(event.call, event.leg)) return [['AgentEvent_Customer_Alerting', { callid: event.call.id, otherPhone: event.leg.dialedNumber, otherPhoneWorkno: '', type: 'main' }]];
      if (event.call.purpose !== 'agent_customer' || !isCustomerLeg(event.call, event.leg)) return [];
      return [['AgentEvent_Customer_Alerting', { callid: event.call.id, otherPhone: event.call.toNumber, otherPhoneWorkno: '', type: 'main' }]];
    case 'LegAnswered':
      if (isCalledAgentLeg(event.call, event.leg)) return [['AgentEvent_Talking', talkingContent(event.call)]];
      if (isHelperLeg(event.call, event.leg)) return [await helperAnsweredNotice(event.call, event.leg, tx)];
      if (isConsultedParty(event.call, event.leg)) return [['AgentEvent_Talking', talkingContent(event.call, event.leg.dialedNumber)]];
      if (event.call.purpose !== 'agent_customer' || !isCustomerLeg(event.call, event.leg)) return [];
      return [['AgentEvent_Talking', talkingContent(event.call)]];
    case 'LegEnded':
      if (event.call.purpose === 'agent_internal') return internalReleaseNotices(event, tx, agentId);
      return helperOf(event.call) === agentId && event.call.agentId !== agentId ? helperReleaseNotices(event, tx) : releaseNotices(event, tx);
    case 'CallPartyHeld':
      return [['AgentEvent_Hold', { callid: event.call.id }]];
    case 'CustomerTransferred':
      // Huawei `cec_07_1369`: `result` 0 is success; `callId` the call transferred (key order of Huawei's example).
      if (event.tag === SUCCESS_TRANSFER_TAG) return [['AgentEvent_SuccTransResult', { result: 0, callId: event.callId }]];
      // Huawei `cec_07_1240`: the held call's customer, connected with the consulted party, leaves the agent.
      return event.tag === CONNECT_HOLD_TAG ? [['AgentEvent_Customer_Release', { callid: event.callId }]] : [];
    case 'TransferFailed':
      // Any value but 0 is a failure (`cec_07_1369`); 1 as in Huawei's example. The customer is the agent's again.
      return event.tag === SUCCESS_TRANSFER_TAG ? [['AgentEvent_SuccTransResult', { result: TRANSFER_FAILED, callId: event.callId }]] : [];
    case 'CallPartyRetrieved':
      return [await retrievedNotice(event, tx)];
    case 'CallTakenOver':
      // Intercept (Huawei `cec_07_2403`): the inspector talks with the customer; the agent's call is released by the platform.
      return event.side === 'taken_by' ? [['AgentEvent_Talking', talkingContent(event.call)]] : [['AgentEvent_Call_Release', { callid: event.call.id }]];
    case 'AgentPhoneReleased':
      return [['AgentOther_PhoneRelease', { phoneState: phoneState(event) }]];
    case 'PlaybackStarted':
      return [['AgentMediaEvent_Play_Succ', null], ['AgentMediaEvent_Play', null]];
    case 'PlaybackPaused':
      return [['AgentMediaEvent_PausePlayDone', null]];
    case 'PlaybackResumed':
      return [['AgentMediaEvent_ResumePlayDone', null]];
    case 'PlaybackJumped':
      return [['AgentMediaEvent_JumpPlayDone', null]];
    case 'PlaybackFinished': {
      const done: Notice = ['AgentMediaEvent_StopPlayDone', { cause: PLAYBACK_END_CAUSE[event.cause] }];
      return event.cause === 'failed' ? [['AgentMediaEvent_Play_Fail', null], done] : [done];
    }
    case 'RecordingStarted':
      return [['AgentMediaEvent_Record', await recordingContent(event.recording, tx)]];
    case 'RecordingEnded':
      if (event.recording.startedAt === null && event.recording.state === 'failed') return [['AgentMediaEvent_Record_Fail', await recordingContent(event.recording, tx)]];
      return [['AgentMediaEvent_StopRecordDone', stopRecordContent(event.recording)]];
    default:
      return [];
  }
}

/** The one media type recorded here: audio (`fileMediaType` 1), as Huawei's examples write it. */
const AUDIO_FILE = '1';
/** This gateway is one call-centre node. */
const LOCATION_ID = '0';
/** Huawei's "the resource side's default format": the engine's, whatever the request asked. */
const DEFAULT_RECORD_FORMAT = '0';

/** `AgentMediaEvent_Record` / `_Fail` (`cec_07_1381`, `cec_07_1382`): the recording and its call's numbers. */
async function recordingContent(recording: Recording, tx: StoreTransaction): Promise<WireEventContent> {
  const call = recording.callId ? await tx.calls.get(recording.callId) : null;
  return {
    taskId: recording.id,
    caller: call?.fromNumber ?? '',
    recordID: recording.name,
    called: call?.toNumber ?? '',
    locationId: LOCATION_ID,
    fileName: recording.location,
    fileMediaType: AUDIO_FILE,
    callId: recording.callId ?? '',
  };
}

/** `AgentMediaEvent_StopRecordDone` (`cec_07_1383`, `cec_07_0531`): times in epoch milliseconds. */
function stopRecordContent(recording: Recording): WireEventContent {
  const endTime = (recording.endedAt ?? recording.createdAt).getTime();
  return {
    beginTime: recording.startedAt?.getTime() ?? endTime,
    endTime,
    fileMediaType: AUDIO_FILE,
    recordFormat: DEFAULT_RECORD_FORMAT,
    taskId: recording.id,
    callId: recording.callId ?? '',
  };
}

/**
 * Turns the core's domain events for agents signed in through CC-Gateway
 * into their wire events (spec §6.3, §8.1), in the transaction that made them
 * true: for a client that polls, into the agent's `ccgateway` mailbox; for a
 * push sign-in (spec §6.2), into one outbox message per domain event, its
 * events oldest first, delivered in order per agent.
 *
 * Whether an agent is a CC-Gateway agent, and whether it is pushed to, is
 * read from the session as the transaction leaves it; a sign-out says itself
 * through which channel the agent had signed in and where its events went.
 * Every CC-Gateway sign-in starts from an empty queue, so that nothing of an
 * earlier session is ever delivered. A session signed out because its
 * receiver stopped answering is not told so: there is no one to tell.
 */
export function createCcgatewayProjector(settings?: Partial<CcgatewaySettings>): EachEventProjector {
  const resolved: CcgatewaySettings = { ...defaultCcgatewaySettings, ...settings };
  return {
    name: 'ccgateway',
    async project(event: DomainEvent, tx: StoreTransaction): Promise<void> {
      // A GUID lives as long as the agent's session, however the session ended.
      if (event.type === 'AgentLoggedOut') await tx.tokens.deleteBySubject(GUID_KIND, event.agentId);
      for (const agentId of agentsOf(event)) await projectFor(event, agentId, tx);
    },
  };

  async function projectFor(event: DomainEvent, agentId: string, tx: StoreTransaction): Promise<void> {
      let push: EventPush | null;
      if (event.type === 'AgentLoggedOut') {
        if (event.via !== 'ccgateway' || event.reason === 'push_failed') return;
        push = event.eventPush ?? null;
      } else {
        const session = await tx.sessions.get(agentId);
        if (session?.loginVia !== 'ccgateway') return;
        push = session.eventPush;
      }
      const notices = await noticesOf(event, tx, agentId);
      if (event.type === 'AgentLoggedIn') {
        await tx.mailbox.clear(agentId, MAILBOX_CHANNEL);
        await tx.outbox.discardPending({ orderingKey: pushOrderingKey(agentId) });
      }
      const eventGenTime = event.at.getTime();
      const events = notices.map(([eventType, content]) => ({ eventType, workNo: agentId, content, eventGenTime }));
      await copyToInspectors(event, agentId, events, tx);
      if (push) {
        if (events.length > 0) await tx.outbox.add(pushMessage(resolved, push, agentId, events), event.at);
        return;
      }
      for (const wireEvent of events) await tx.mailbox.append(agentId, MAILBOX_CHANNEL, eventMessage(wireEvent));
  }
}

/**
 * The events of one agent, also for every signed-in CC-Gateway inspector
 * (this gateway is one VDN: an inspector's group is every agent). An
 * inspector's sign-in starts its all-agents queue afresh, as its own.
 */
async function copyToInspectors(event: DomainEvent, agentId: string, events: readonly WireEvent[], tx: StoreTransaction): Promise<void> {
  if (event.type === 'AgentLoggedIn') await tx.mailbox.clear(agentId, ALL_AGENTS_CHANNEL);
  if (events.length === 0) return;
  // Inspectors are few: one indexed look-up, then their sessions, rather than every session's agent.
  for (const inspector of await tx.agents.findByAttribute(INSPECTOR_ATTRIBUTE, '1')) {
    if ((await tx.sessions.get(inspector.id))?.loginVia !== 'ccgateway') continue;
    for (const wireEvent of events) await tx.mailbox.append(inspector.id, ALL_AGENTS_CHANNEL, eventMessage(wireEvent));
  }
}
