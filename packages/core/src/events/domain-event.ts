import type { AgentState, EventPush } from '../agents/agent';
import type { LoginChannel } from '../kernel/vocabulary';
import type { Call, Leg } from '../calls/call';
import type { Cdr } from '../calls/cdr';
import type { PlaybackFinishCause } from '../playback/playback';
import type { Recording } from '../recording/recording';

/**
 * What happened, in the domain's words. Events are published inside the
 * transaction that made them true; dialect projectors turn them into their own
 * wire events (CC-Gateway poll queues, Sip_Call callbacks) in that same
 * transaction, so nothing is lost between a state change and its notice.
 */
export type DomainEvent =
  | { type: 'AgentLoggedIn'; agentId: string; state: AgentState; pauseReason: string | null; at: Date }
  /**
   * `push_failed`: the session's events could not be pushed to its receiver.
   * `eventPush`: where the ended session's events went, if they were pushed.
   */
  | { type: 'AgentLoggedOut'; agentId: string; via: LoginChannel; reason: 'requested' | 'after_call' | 'forced' | 'idle_timeout' | 'push_failed'; cause?: number; eventPush?: EventPush | null; at: Date }
  /**
   * `reason`: the pause's reason (to `paused`), `requested` for after-call
   * work the agent asked for, else what put the agent there. `endedPause`:
   * the reason of the pause a resume ended.
   */
  | { type: 'AgentStateChanged'; agentId: string; from: AgentState; to: AgentState; reason: string | null; endedPause?: string | null; at: Date }
  /** A pause given a length has lasted it; the agent stays paused. */
  | { type: 'AgentPauseLimitReached'; agentId: string; reason: string | null; at: Date }
  | { type: 'AgentPausePending'; agentId: string; reason: string | null; at: Date }
  /** The agent's timer action came due on its call (a preset it dials is `dialedLegId`, null when nothing was dialled). */
  | { type: 'AgentTimerActionDue'; agentId: string; callId: string; action: string; message: string; dialedLegId: string | null; at: Date }
  | { type: 'AgentPhoneRinging'; agentId: string; callId: string; legId: string; at: Date }
  | { type: 'AgentPhoneAnswered'; agentId: string; callId: string; legId: string; at: Date }
  /** `by`: the agent hung up, or the gateway released the phone. */
  | { type: 'AgentPhoneReleased'; agentId: string; callId: string; legId: string; by: 'agent' | 'system'; at: Date }
  | { type: 'PlaybackStarted'; playbackId: string; agentId: string | null; callId: string | null; at: Date }
  | { type: 'PlaybackPaused'; playbackId: string; agentId: string | null; callId: string | null; at: Date }
  | { type: 'PlaybackResumed'; playbackId: string; agentId: string | null; callId: string | null; at: Date }
  | { type: 'PlaybackJumped'; playbackId: string; agentId: string | null; callId: string | null; positionMs: number; at: Date }
  | { type: 'PlaybackFinished'; playbackId: string; agentId: string | null; callId: string | null; cause: Exclude<PlaybackFinishCause, 'replaced'>; at: Date }
  /** The engine writes the recording's file (as the recording is now). */
  | { type: 'RecordingStarted'; recording: Recording; at: Date }
  | { type: 'RecordingPaused'; recording: Recording; at: Date }
  | { type: 'RecordingResumed'; recording: Recording; at: Date }
  /** Over for good: its file complete (`finished`: stopped, its call or session over), or never written (`failed`). */
  | { type: 'RecordingEnded'; recording: Recording; at: Date }
  | { type: 'LegRinging'; call: Call; leg: Leg; at: Date }
  | { type: 'LegAnswered'; call: Call; leg: Leg; at: Date }
  | { type: 'LegEnded'; call: Call; leg: Leg; at: Date }
  /** A party of an agent's call was put on hold (parked, with music) at the agent's request, or taken back. */
  | { type: 'CallPartyHeld'; call: Call; leg: Leg; at: Date }
  | { type: 'CallPartyRetrieved'; call: Call; leg: Leg; at: Date }
  /**
   * An agent's customer moved into a queue (`toCallId`, the queued call), or
   * handed to the target of a transfer that waited for its answer (`toCallId`
   * the call itself, which goes on without the agent); `tag` is the opaque
   * word the dialect that asked gave the transfer, or null.
   */
  | { type: 'CustomerTransferred'; callId: string; agentId: string; toCallId: string; tag: string | null; tenant: string | null; at: Date }
  /**
   * A supervisor took over an agent's customer call (intercept): published
   * once for the agent taken off it (`taken_from`) and once for the supervisor
   * who talks with the customer from now on (`taken_by`).
   */
  | { type: 'CallTakenOver'; call: Call; agentId: string; side: 'taken_from' | 'taken_by'; otherAgentId: string; at: Date }
  /**
   * A transfer that waited for its target (transfers/transfer-on-answer.ts)
   * failed: the target did not answer, was busy or was refused, or nobody of
   * the queue dialled took it, and the customer is the agent's again. `tag` and `tenant` as for `CustomerTransferred`.
   */
  | { type: 'TransferFailed'; callId: string; agentId: string; tag: string | null; tenant: string | null; at: Date }
  | { type: 'CallEnded'; call: Call; cdr: Cdr; at: Date }
  | { type: 'AgentAdded'; agentId: string; at: Date }
  | { type: 'LeadUpdated'; leadId: number; fields: string; at: Date }
  | { type: 'LeadAdded'; leadId: number; listId: number; campaignId: string | null; at: Date }
  | { type: 'LeadDispositioned'; leadId: number; agentId: string; status: string; callbackId: number | null; at: Date }
  /** An inbound call entered a queue (answered, with music on hold). */
  | { type: 'InboundCallQueued'; call: Call; queueName: string; at: Date }
  /** A queued call was given to an agent: into the agent's conference, or the agent's phone rings for it. */
  | { type: 'InboundCallOffered'; call: Call; agentId: string; queueName: string; at: Date };

export type DomainEventType = DomainEvent['type'];
