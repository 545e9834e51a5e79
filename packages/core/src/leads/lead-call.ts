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
