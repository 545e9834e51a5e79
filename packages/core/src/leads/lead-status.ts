/**
 * A status a lead can have: a disposition an agent gives after a call, or one
 * the system sets. System statuses apply to every campaign; a campaign may
 * add its own.
 */
export interface LeadStatus {
  status: string;
  /** Null for a system status. */
  campaignId: string | null;
  name: string;
  /** Agents may pick it. */
  selectable: boolean;
  /** Giving it with a time schedules a callback of the lead. */
  scheduledCallback: boolean;
  /** The call reached a person. */
  humanAnswered: boolean;
  sale: boolean;
}
