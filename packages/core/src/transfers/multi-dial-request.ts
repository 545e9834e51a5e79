/**
 * The numbers an agent last asked to have dialled at once for a 3-way call
 * (VICIdial transfer_conference `multi_dial_phones`, its press-1 calls):
 * one per agent, replaced by the next request. The gateway keeps the
 * request and places none of its calls.
 */
export interface MultiDialRequest {
  agentId: string;
  /** In the order asked. */
  numbers: string[];
  requestedAt: Date;
}

/** The agent's request now kept, and the one it replaced (null: the agent had none). */
export interface MultiDialOutcome {
  request: MultiDialRequest;
  replaced: MultiDialRequest | null;
}
