/**
 * How far a call of each purpose has got, and what its flow needs to go on:
 * the flow's own state, kept apart from the client's data (`Call.data`).
 * `stage` is where the flow stands; the rest is set when the call is placed
 * or recorded as it goes.
 */
export interface CallProgressByPurpose {
  /** Ring an extension, then dial a number and connect them (VoIPSUN originate). */
  click_to_call: ClickToCallProgress;
  /** Call a number, play audio, transfer on a key to an extension group (Sip_Call PlayVoice). */
  voice_menu: VoiceMenuProgress;
  /** Call a number, play audio, hang up (Sip_Call PlayVoice without a menu, one number or a batch). */
  voice_broadcast: VoiceBroadcastProgress;
  /** Ring an agent's phone to play audio to the agent (CC-Gateway recordplay while idle). */
  agent_playback: { stage: 'ringing_agent' | 'playing' };
  /** Connect the agent's phone to the agent's session conference (VICIdial login). */
  agent_phone: { stage: 'ringing_agent' | 'in_conference' };
  /** Dial a customer into an agent's session (manual dial). */
  agent_customer: AgentCustomerProgress;
  /** A call that came in on a public number, waits in a queue and goes to an agent. */
  inbound: InboundProgress;
  /** Ring a supervisor's phone, then let it listen to, whisper to or barge into another call's leg. */
  supervision: SupervisionProgress;
  /** Dial a number over an outbound route, then hand it to a dialplan context (VoIPSUN dial). */
  context_dial: ContextDialProgress;
  /** One agent calls another by work number (CC-Gateway callinner): the caller's phone rings, then the called agent's. */
  agent_internal: AgentInternalProgress;
}

export interface AgentInternalProgress {
  /** `ringing_caller`: the calling agent's phone rings; `ringing_called`: the called agent's phone rings; `connected`: they talk. */
  stage: 'ringing_caller' | 'ringing_called' | 'connected';
  /** The agent called; the calling agent is the call's `agentId`. */
  calledAgentId: string;
  /** The calling agent's phone leg. */
  callerLegId: string;
  /** The called agent's phone leg, once it is dialled. */
  calledLegId: string | null;
}

export interface ContextDialProgress {
  /** `dialing` the number; `in_context`: answered and running `context`; `in_hangup_context`: not answered, `hangupContext` runs. */
  stage: 'dialing' | 'in_context' | 'in_hangup_context';
  /** The outbound route (trunk) the number is dialled over. */
  trunkId: number;
  /** The dialplan context the answered call is connected to, at the number dialled as extension. */
  context: string;
  /** The context a Local channel runs, at the number dialled, when the call was not answered or failed; null: none. */
  hangupContext: string | null;
  /** Record the call's bridge once the number answered (absent: not recorded). */
  recording?: CallRecordingRequest;
}

/**
 * A call of an extension (click-to-call, a voice menu's answering member)
 * whose extension handed its party on (transfers/extension-leaves.ts): its
 * side left, the party talks on with a third party dialled into the call's
 * bridge, or went into a queue. (Optional: set once a transfer happened.)
 */
export interface ExtensionTransferProgress {
  /** The extension's side (its phone, a two-way call's staff mobile, the answering member) left the call. */
  extensionLeft?: boolean;
  /** The third party the party was handed to, while it is live. */
  thirdPartyLegId?: string | null;
  /** Keys sent to that third party once it answers, `,` a pause; null or absent: none. */
  thirdPartyDtmf?: string | null;
  /** The queued call the party was transferred into (its leg belongs to it since). */
  transferredTo?: string | null;
}

export interface ClickToCallProgress extends ExtensionTransferProgress {
  stage: 'ringing_source' | 'dialing_destination' | 'connected';
  /** The engine endpoint that reaches the destination through the trunk. */
  destinationEndpoint: string;
  trunkId: number;
  /** The number the destination sees. */
  destinationCallerId: string;
  /** How long the destination may ring; null: the gateway's setting. */
  destinationRingSec: number | null;
  /** Record the call once both sides are connected (absent: not recorded). */
  recording?: CallRecordingRequest;
}

/**
 * Where a call's recording goes in the engine's recordings store. Each part
 * is checked by the core to be plain names (`recording/call-recording-start`);
 * nothing a client sends is used as a path of the gateway's own.
 */
export type CallRecordingRequest = {
  /** A directory of the store, relative, `/`-separated; null: the store itself. */
  directory: string | null;
  /** The file name without extension; null: a name the gateway chooses. */
  name: string | null;
};

/** Why the gateway ended a voice menu before anyone answered the transfer. */
export type VoiceMenuEnd = 'wrong_key' | 'no_key' | 'media_failed' | 'nobody_answered' | 'nobody_to_ring' | 'caller_gone' | 'transfer_failed';

export interface VoiceMenuProgress extends ExtensionTransferProgress {
  stage: 'dialing' | 'playing' | 'awaiting_key' | 'transferring' | 'connected' | VoiceMenuEnd;
  /** The key that transfers the caller; empty: transfer when the audio ends. */
  transferKey: string;
  /** The extension group rung on transfer. */
  groupName: string;
  /** The media URI played, and the name the client asked for. */
  media: string;
  mediaName: string;
  /** The first key the caller pressed, if any. */
  pressedKey: string | null;
  /** The member leg that answered the transfer. */
  answeredBy: string | null;
}

/** Why the gateway ended a played call: its audio done, a key collected or not, the talk limit, audio that could not play. */
export type VoiceBroadcastEnd = 'played' | 'key_collected' | 'no_key' | 'talk_limit' | 'media_failed';

export interface VoiceBroadcastProgress {
  /** `ending`: the audio is over, the gateway hangs up in a moment (calls/voice-broadcast-flow). */
  stage: 'dialing' | 'playing' | 'awaiting_key' | 'ending' | VoiceBroadcastEnd;
  /** The media URI played, and the name the client asked for. */
  media: string;
  mediaName: string;
  /** Wait for one key after the audio (and take one during it), recorded as the call's pressed key. */
  collectKey: boolean;
  /** The key the callee pressed, if any. */
  pressedKey: string | null;
  /** Seconds the call may last once answered; null: until the audio (and the key wait) ends. */
  talkLimitSec: number | null;
  /** The batch the call was placed for, if any. */
  batchId: string | null;
}

/**
 * A transfer of the customer to a third party that takes effect only once it
 * answers: until then the customer is on hold and still the agent's.
 */
export type PendingTransfer = {
  /** The third party's leg being rung. */
  legId: string;
  /** Where the agent goes once the transfer took: after-call work or ready. */
  agentAfterCall: 'ready' | 'wrap_up';
  /** The dialect's word for the transfer, carried by its `CustomerTransferred` or `TransferFailed` event. */
  tag: string | null;
};

/** Another agent whose phone was dialled into an agent's customer call to help (its session is in the call while the leg lives). */
export type HelperLeg = {
  legId: string;
  agentId: string;
};

export interface AgentCustomerProgress {
  stage: 'ringing_agent' | 'dialing_customer' | 'connected';
  /** The engine endpoint that reaches the customer through the trunk. */
  customerEndpoint: string;
  trunkId: number;
  /** The lead the customer is, when the call was placed for one. */
  leadId: number | null;
  /**
   * The agent is no longer on the call (left a 3-way call, transferred the
   * customer): the parties left talk on in the call's own bridge. (Optional,
   * as are the next two: calls placed before transfers existed lack them.)
   */
  agentLeft?: boolean;
  /** The queued call the customer was transferred into (the customer's leg belongs to it since). */
  transferredTo?: string | null;
  /** The third party dialled into the call (3-way call, consultation, transfer), while it is live. */
  thirdPartyLegId?: string | null;
  /** Keys sent to that third party once it answers (a preset's DTMF), `,` a pause; null or absent: none. */
  thirdPartyDtmf?: string | null;
  /** Legs on hold in the call's holding bridge, with music on hold; set once anything was ever parked. */
  parkedLegIds?: string[];
  /** A transfer waiting for the third party to answer (transfers/transfer-on-answer.ts); null or absent: none. */
  pendingTransfer?: PendingTransfer | null;
  /** The third party that is another agent's phone, helping the agent (transfers/helper-agent.ts); kept once it ends, for its events. Absent: none ever. */
  helperLeg?: HelperLeg | null;
  /** The agent's voice is kept from the others (its phone muted on the engine). */
  agentMuted?: boolean;
  /** Phone legs of agents taken off the call (a supervisor intercepted it): their end is not the agent leaving. */
  formerAgentLegIds?: string[];
}

/** How an inbound call ended without reaching an agent. */
export type InboundEnd = 'abandoned' | 'no_route' | 'timed_out' | 'not_answered';

export interface InboundProgress {
  /**
   * `waiting`: answered, with music on hold, for an agent; `ringing_agent`:
   * agents' phones ring for it (the caller still hears music);
   * `dialing_destination`: the extension or phone its DID routes it to
   * rings (the caller unanswered); `connected`: with an agent, or with that
   * destination; or why it ended unserved.
   */
  stage: 'waiting' | 'ringing_agent' | 'dialing_destination' | 'connected' | InboundEnd;
  /** The public number called. */
  did: string;
  /** The queue the number routes to; null when it routes nowhere. */
  queueName: string | null;
  /** The music-on-hold class the caller hears. */
  mohClass: string;
  /** The leg of the caller (the engine's channel, which arrived by itself). */
  callerLegId: string;
  /** The agents' phone legs rung for the call, each with its agent (agents without a session conference). */
  agentLegs: Array<{ legId: string; agentId: string }>;
  /**
   * Agents the call is offered to who answer through their client
   * (`AgentSession.answerOnRequest`): kept for the call, their phones not rung
   * until they answer; each with when it was offered (ISO time). Absent: none.
   */
  offers?: Array<{ agentId: string; at: string }>;
  /** The agent's phone leg that took the call. */
  agentLegId: string | null;
  /** When the caller reached an agent (ISO time): the end of the wait, the start of the talk. Absent until then. */
  connectedAt?: string;
  /**
   * The one agent who may take the call (a transfer to an agent through a
   * queue: VICIdial AGENTDIRECT), member of the queue or not; absent: any
   * agent of the queue. (Optional, as are the next two: calls that came in
   * on a public number lack them.)
   */
  forAgentId?: string | null;
  /** The lead the caller is, when an agent's call for a lead was transferred into the queue. */
  leadId?: number | null;
  /** The agent's customer call the caller was transferred from. */
  transferredFrom?: string | null;
  /** The queued call the caller was transferred into by the agent who took this one (the caller's leg belongs to it since). */
  transferredTo?: string | null;
  /** The agent left the call to the caller and a third party (a transfer to an outside number): they talk on in the call's bridge. */
  agentLeft?: boolean;
  /** The third party dialled into the call (consultation, transfer to an outside number), while it is live. */
  thirdPartyLegId?: string | null;
  /** Keys sent to that third party once it answers, `,` a pause; null or absent: none. */
  thirdPartyDtmf?: string | null;
  /** Legs on hold in the call's holding bridge (the caller, held by the agent); set once anything was ever parked. */
  parkedLegIds?: string[];
  /** A transfer waiting for the third party to answer (transfers/transfer-on-answer.ts); null or absent: none. */
  pendingTransfer?: PendingTransfer | null;
  /** The third party that is another agent's phone, helping the agent (transfers/helper-agent.ts); kept once it ends, for its events. Absent: none ever. */
  helperLeg?: HelperLeg | null;
  /** The agent's voice is kept from the caller (its phone muted on the engine). */
  agentMuted?: boolean;
  /** Phone legs of agents taken off the call (a supervisor intercepted it): their end is not the agent leaving. */
  formerAgentLegIds?: string[];
}

/** How a supervisor joins the call it supervises. */
export type SupervisionMode = 'listen' | 'whisper' | 'barge';

export interface SupervisionProgress {
  /** `switching`: the snoop of the former mode is ending; one of `mode` replaces it once it has. */
  stage: 'ringing_supervisor' | 'joining' | 'supervising' | 'switching';
  mode: SupervisionMode;
  /** The supervised leg: its channel is snooped on; it belongs to another call. */
  targetLegId: string;
  /** The engine's name of the supervised channel when the supervision was asked for. */
  targetChannelName: string;
}
