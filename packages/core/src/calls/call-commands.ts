import type { CoreContext } from '../kernel/context';
import { SharedRead } from '../kernel/shared-read';
import type { TrackWork } from '../kernel/tracked-work';
import { startAgentCustomerCall, type AgentCustomerCallRequest } from './agent-customer-call';
import { startAgentInternalCall, type AgentInternalCallRequest } from './agent-internal-call';
import type { Call, Leg, LiveChannelListing } from './call';
import type { Cdr, CdrSearch } from './cdr';
import { startClickToCall, type ClickToCallRequest } from './click-to-call';
import { startContextDial, type ContextDialRequest } from './context-dial';
import { hangupAgentCustomer, hangupChannel } from './hangup';
import { sendAgentCallDtmf, type AgentCallDtmfRequest } from './agent-call-dtmf';
import { setAgentCallData, type AgentCallDataRequest } from './agent-call-data';
import { startVoiceMenuCall, type VoiceMenuRequest } from './voice-menu';
import { startVoiceBroadcastCall, type VoiceBroadcastRequest } from './voice-broadcast';
import type { VoiceBroadcastPacer, VoiceBroadcastBatchRequest } from './voice-broadcast-batch';
import { answerOfferedCall } from '../queues/answer-offered-call';
import { rejectRingingPhone } from './agent-phone-reject';

/** Calls the gateway places, their legs and their CDRs. */
export interface CallCommands {
  startClickToCall(request: ClickToCallRequest): Promise<{ callId: string }>;
  /** Dials a number over an outbound route into a dialplan context. */
  startContextDial(request: ContextDialRequest): Promise<{ callId: string }>;
  startVoiceMenuCall(request: VoiceMenuRequest): Promise<{ callId: string }>;
  /** Calls a number, plays audio, hangs up. */
  startVoiceBroadcastCall(request: VoiceBroadcastRequest): Promise<{ callId: string }>;
  /** Queues numbers to be called as played calls, paced (calls/voice-broadcast-batch); answers once the batch is checked and queued. */
  startVoiceBroadcastBatch(request: VoiceBroadcastBatchRequest): Promise<{ batchId: string; numbers: number }>;
  /** Removes the numbers of batches over for longer than the retention period (`voiceBroadcast.retentionHours`); how many batches went. */
  removeFinishedVoiceBroadcasts(): Promise<{ removed: number }>;
  startAgentCustomerCall(request: AgentCustomerCallRequest): Promise<{ callId: string }>;
  /** One agent calls another: both phones ring in turn, both agents are in the call. */
  startAgentInternalCall(request: AgentInternalCallRequest): Promise<{ callId: string }>;
  hangupAgentCustomer(request: { agentId: string }): Promise<{ hungUp: boolean }>;
  /** The agent takes the queued call waiting for its answer (NO_ACTIVE_CALL when none waits): its phone is rung for it. */
  answerOfferedCall(request: { agentId: string }): Promise<{ callId: string }>;
  /** The agent's phone turns away the call it rings for (calls/agent-phone-reject.ts); NO_ACTIVE_CALL when it rings for none. */
  rejectRingingPhone(request: { agentId: string }): Promise<{ callId: string; legId: string }>;
  hangupChannel(request: { channelName: string }): Promise<{ found: boolean }>;
  /** Keys to the customer of the agent's call; NO_ACTIVE_CALL without a customer on the line. */
  sendAgentCallDtmf(request: AgentCallDtmfRequest): Promise<void>;
  /** Merges the client's data into a live call of the agent (its current one when none is named); the CDR carries it. */
  setAgentCallData(request: AgentCallDataRequest): Promise<void>;
  listLiveCalls(): Promise<Array<{ call: Call; legs: Leg[] }>>;
  /**
   * The engine channels of the calls up (named live legs), calls oldest first,
   * each call's legs in creation order. Concurrent callers share one read
   * (started after each of them asked) and the same listing object.
   */
  listLiveChannels(): Promise<LiveChannelListing>;
  getCall(callId: string): Promise<{ call: Call; legs: Leg[] } | null>;
  /** When the extension's phone last left a call (its latest leg ended); null when it never has. */
  lastCallEndOfExtension(extensionId: number): Promise<Date | null>;
  getCdrOfCall(callId: string): Promise<Cdr | null>;
  /** CDRs by id, those of calls started since a time when given, up to a limit. */
  listCdrs(filter?: { since?: Date; limit?: number }): Promise<Cdr[]>;
  /** CDRs matching every criterion given, by id. */
  searchCdrs(criteria: CdrSearch): Promise<Cdr[]>;
  /** Marks CDRs as fetched by a reader (a client pulling its records). */
  markCdrsRead(request: { reader: string; cdrIds: readonly number[] }): Promise<void>;
}

export function callCommands(ctx: CoreContext, track: TrackWork, broadcasts: VoiceBroadcastPacer): CallCommands {
  const direct = ctx.store.direct;
  const liveChannels = new SharedRead<LiveChannelListing>(async () => {
    const channels = await direct.calls.listLiveChannels();
    return { readAt: ctx.clock.now(), channels };
  });
  return {
    startClickToCall: (request) => track(startClickToCall(ctx, request)),
    startContextDial: (request) => track(startContextDial(ctx, request)),
    startVoiceMenuCall: (request) => track(startVoiceMenuCall(ctx, request)),
    startVoiceBroadcastCall: (request) => track(startVoiceBroadcastCall(ctx, request)),
    startVoiceBroadcastBatch: (request) => track(broadcasts.enqueue(request)),
    removeFinishedVoiceBroadcasts: async () => ({ removed: await track(broadcasts.removeFinished()) }),
    startAgentCustomerCall: (request) => track(startAgentCustomerCall(ctx, request)),
    startAgentInternalCall: (request) => track(startAgentInternalCall(ctx, request)),
    hangupAgentCustomer: (request) => track(hangupAgentCustomer(ctx, request)),
    answerOfferedCall: (request) => track(answerOfferedCall(ctx, request)),
    rejectRingingPhone: (request) => track(rejectRingingPhone(ctx, request)),
    hangupChannel: (request) => track(hangupChannel(ctx, request)),
    sendAgentCallDtmf: (request) => track(sendAgentCallDtmf(ctx, request)),
    setAgentCallData: (request) => track(setAgentCallData(ctx, request)),
    listLiveCalls: () => direct.calls.listLive(),
    listLiveChannels: () => liveChannels.get(),
    lastCallEndOfExtension: (extensionId) => direct.calls.lastLegEndOfExtension(extensionId),
    getCall: async (callId) => {
      const call = await direct.calls.get(callId);
      return call ? { call, legs: await direct.calls.legsOf(callId) } : null;
    },
    getCdrOfCall: (callId) => direct.cdrs.getByCall(callId),
    listCdrs: (filter) => direct.cdrs.list(filter),
    searchCdrs: (criteria) => direct.cdrs.search(criteria),
    markCdrsRead: ({ reader, cdrIds }) => direct.cdrs.markRead(reader, cdrIds, ctx.clock.now()),
  };
}
