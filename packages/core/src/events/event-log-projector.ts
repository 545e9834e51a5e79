import type { Call, Leg } from '../calls/call';
import type { Cdr } from '../calls/cdr';
import type { Recording } from '../recording/recording';
import type { DomainEventProjector } from '../kernel/context';
import type { JsonObject } from '../kernel/json';
import type { DomainEvent } from './domain-event';
import type { NewEventLogEntry } from './event-log';

/**
 * Keeps every domain event in the event log, in the transaction that made it
 * true, beside the dialects' own notices: the live stream tells what the
 * CC-Gateway polls and Sip_Call callbacks tell, from the same events.
 */
export function createEventLogProjector(): DomainEventProjector {
  return {
    name: 'event-log',
    // One write for the whole transaction: the stream costs the hot path a single round trip.
    async projectAll(events, tx) {
      await tx.eventLog.append(events.map(eventLogEntry));
    },
  };
}

/** A domain event as the stream shows it: its topic, tenant and a plain JSON body. */
export function eventLogEntry(event: DomainEvent): NewEventLogEntry {
  const base = { at: event.at, type: event.type };
  switch (event.type) {
    case 'AgentLoggedIn':
      return { ...base, topic: 'agents', tenant: null, data: { agentId: event.agentId, state: event.state, pauseReason: event.pauseReason } };
    case 'AgentLoggedOut':
      return { ...base, topic: 'agents', tenant: null, data: { agentId: event.agentId, via: event.via, reason: event.reason, ...(event.cause === undefined ? {} : { cause: event.cause }) } };
    case 'AgentStateChanged':
      return {
        ...base,
        topic: 'agents',
        tenant: null,
        data: { agentId: event.agentId, from: event.from, to: event.to, reason: event.reason, endedPause: event.endedPause ?? null },
      };
    case 'AgentPauseLimitReached':
    case 'AgentPausePending':
      return { ...base, topic: 'agents', tenant: null, data: { agentId: event.agentId, reason: event.reason } };
    case 'AgentPhoneRinging':
    case 'AgentPhoneAnswered':
      return { ...base, topic: 'agents', tenant: null, data: { agentId: event.agentId, callId: event.callId, legId: event.legId } };
    case 'AgentPhoneReleased':
      return { ...base, topic: 'agents', tenant: null, data: { agentId: event.agentId, callId: event.callId, legId: event.legId, by: event.by } };
    case 'AgentAdded':
      return { ...base, topic: 'agents', tenant: null, data: { agentId: event.agentId } };
    case 'AgentTimerActionDue':
      return {
        ...base,
        topic: 'agents',
        tenant: null,
        data: { agentId: event.agentId, callId: event.callId, action: event.action, message: event.message, dialedLegId: event.dialedLegId },
      };
    case 'PlaybackStarted':
    case 'PlaybackPaused':
    case 'PlaybackResumed':
      return { ...base, topic: 'playbacks', tenant: null, data: playbackData(event) };
    case 'PlaybackJumped':
      return { ...base, topic: 'playbacks', tenant: null, data: { ...playbackData(event), positionMs: event.positionMs } };
    case 'PlaybackFinished':
      return { ...base, topic: 'playbacks', tenant: null, data: { ...playbackData(event), cause: event.cause } };
    case 'RecordingStarted':
    case 'RecordingPaused':
    case 'RecordingResumed':
    case 'RecordingEnded':
      return { ...base, topic: 'recordings', tenant: null, data: recordingData(event.recording) };
    case 'LegRinging':
    case 'LegAnswered':
    case 'LegEnded':
    case 'CallPartyHeld':
    case 'CallPartyRetrieved':
      return { ...base, topic: 'calls', tenant: event.call.tenant, data: { call: callView(event.call), leg: legView(event.leg) } };
    case 'CallTakenOver':
      return { ...base, topic: 'calls', tenant: event.call.tenant, data: { call: callView(event.call), agentId: event.agentId, side: event.side, otherAgentId: event.otherAgentId } };
    case 'CustomerTransferred':
      // The transferred call's tenant, as its other events carry it: a tenant's reader sees its call move to a queue.
      return { ...base, topic: 'calls', tenant: event.tenant, data: { callId: event.callId, agentId: event.agentId, toCallId: event.toCallId } };
    case 'TransferFailed':
      return { ...base, topic: 'calls', tenant: event.tenant, data: { callId: event.callId, agentId: event.agentId } };
    case 'CallEnded':
      return { ...base, topic: 'calls', tenant: event.call.tenant, data: { call: callView(event.call), cdr: cdrView(event.cdr) } };
    case 'InboundCallQueued':
      return { ...base, topic: 'queues', tenant: event.call.tenant, data: { queue: event.queueName, call: callView(event.call) } };
    case 'InboundCallOffered':
      return { ...base, topic: 'queues', tenant: event.call.tenant, data: { queue: event.queueName, agentId: event.agentId, call: callView(event.call) } };
    case 'LeadUpdated':
      return { ...base, topic: 'leads', tenant: null, data: { leadId: event.leadId, fields: event.fields } };
    case 'LeadAdded':
      return { ...base, topic: 'leads', tenant: null, data: { leadId: event.leadId, listId: event.listId, campaignId: event.campaignId } };
    case 'LeadDispositioned':
      return { ...base, topic: 'leads', tenant: null, data: { leadId: event.leadId, agentId: event.agentId, status: event.status, callbackId: event.callbackId } };
  }
}

function playbackData(event: { playbackId: string; agentId: string | null; callId: string | null }): JsonObject {
  return { playbackId: event.playbackId, agentId: event.agentId, callId: event.callId };
}

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

function recordingData(recording: Recording): JsonObject {
  return {
    recordingId: recording.id,
    agentId: recording.agentId,
    callId: recording.callId,
    location: recording.location,
    state: recording.state,
    startedAt: iso(recording.startedAt),
    endedAt: iso(recording.endedAt),
    durationSec: recording.durationSec,
  };
}

/**
 * A call, a leg and a CDR as JSON, the one form every reader gets: the
 * event stream, its webhooks, the console and the admin API. Fields are
 * named as the domain names them (`fromNumber`, `channelName` …).
 * What a reader needs of a call; its progress is the gateway's own business.
 */
export function callView(call: Call): JsonObject {
  return {
    id: call.id,
    purpose: call.purpose,
    direction: call.direction,
    state: call.state,
    agentId: call.agentId,
    tenant: call.tenant,
    fromNumber: call.fromNumber,
    toNumber: call.toNumber,
    extension: call.extension,
    createdAt: call.createdAt.toISOString(),
    answeredAt: iso(call.answeredAt),
    endedAt: iso(call.endedAt),
    // The API account that placed it stays out: it names a customer's login.
    origin: { dialect: call.origin.dialect, operation: call.origin.operation },
  };
}

export function legView(leg: Leg): JsonObject {
  return {
    id: leg.id,
    callId: leg.callId,
    role: leg.role,
    state: leg.state,
    channelName: leg.channelName,
    endpoint: leg.endpoint,
    dialedNumber: leg.dialedNumber,
    createdAt: leg.createdAt.toISOString(),
    answeredAt: iso(leg.answeredAt),
    endedAt: iso(leg.endedAt),
    cause: leg.cause,
  };
}

export function cdrView(cdr: Cdr): JsonObject {
  return {
    id: cdr.id,
    callId: cdr.callId,
    purpose: cdr.purpose,
    direction: cdr.direction,
    tenant: cdr.tenant,
    agentId: cdr.agentId,
    fromNumber: cdr.fromNumber,
    toNumber: cdr.toNumber,
    extension: cdr.extension,
    startedAt: cdr.startedAt.toISOString(),
    answeredAt: iso(cdr.answeredAt),
    endedAt: cdr.endedAt.toISOString(),
    durationSec: cdr.durationSec,
    billsec: cdr.billsec,
    hangupCause: cdr.hangupCause,
    hangupCauseText: cdr.hangupCauseText,
    hangupSide: cdr.hangupSide,
    recordingFile: cdr.recordingFile,
    pressedKey: cdr.pressedKey,
    leadId: cdr.leadId,
    data: cdr.data,
  };
}

