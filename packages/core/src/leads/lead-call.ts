/** A call placed or taken for a lead: the dialer's call log, where the call's disposition is kept. */
export interface LeadCall {
  callId: string;
  leadId: number;
  campaignId: string | null;
  agentId: string;
  phoneNumber: string;
  /** The disposition the agent gave the call; null until given. */
  status: string | null;
  startedAt: Date;
  dispositionedAt: Date | null;
}

/** The dialer's call log entries to find: each criterion given must match. */
export interface LeadCallSearch {
  leadId?: number;
  /** The disposition given. */
  status?: string;
  phoneNumber?: string;
  /** Started at or after. */
  from?: Date;
  /** Started before. */
  to?: Date;
}
