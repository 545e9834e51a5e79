/**
 * A dialling campaign: how its agents' calls are placed and where the leads
 * they add go. The settings are the dialer's own words (VICIdial's
 * `dial_method`, `api_manual_dial` ...), kept as text: the core reads only
 * what it acts on, the dialects read the rest.
 */
export interface Campaign {
  id: string;
  name: string;
  active: boolean;
  /** MANUAL, RATIO, ADAPT_*, INBOUND_MAN ... */
  dialMethod: string;
  allowInbound: boolean;
  /** The list leads added by an agent of the campaign go to; null when none is set. */
  manualDialListId: number | null;
  /** STANDARD, QUEUE, QUEUE_AND_AUTOCALL. */
  apiManualDial: string;
  /** DISABLED, PREVIEW_AND_SKIP, PREVIEW_ONLY. */
  manualPreviewDial: string;
  altNumberDialing: boolean;
  /** DISABLED, CAMPAIGN_LISTS_ONLY, SYSTEM ... */
  agentLeadSearch: string;
  defaultXferGroup: string | null;
  parkExt: string | null;
  campaignCid: string | null;
  dialPrefix: string;
  /** Another campaign whose do-not-call numbers this one uses; null: its own. */
  useOtherCampaignDnc: string | null;
  /** Further settings of the dialer, by their own names, for the dialects that read them. */
  settings: Readonly<Record<string, string>>;
}

/** Dial methods where the agent dials each call: after a disposition the agent waits paused. */
const MANUAL_DIAL_METHODS: ReadonlySet<string> = new Set(['MANUAL', 'INBOUND_MAN']);

export const dialsManually = (campaign: Campaign | null): boolean => campaign === null || MANUAL_DIAL_METHODS.has(campaign.dialMethod);

/** The campaign whose do-not-call numbers apply to a campaign's leads. */
export const dncCampaignOf = (campaign: Campaign): string => campaign.useOtherCampaignDnc ?? campaign.id;

/** A list of leads, dialled for one campaign. */
export interface LeadList {
  id: number;
  name: string;
  campaignId: string;
  active: boolean;
  /** Further settings of the dialer, by their own names (absent: none), for the dialects that read them. */
  settings?: Readonly<Record<string, string>>;
  /** When the list was last changed (an update or a reset); null or absent: not since it was added. */
  changedAt?: Date | null;
  /** The list's last reset; null or absent: never reset. */
  lastReset?: LeadListReset | null;
  /** When a lead of the list was last dialled; null or absent: not since the gateway keeps it. */
  lastCalledAt?: Date | null;
}

/** The day of a list's last reset (as the caller names days) and how often the list was reset that day. */
export interface LeadListReset {
  day: string;
  count: number;
}

/** Which of a list's leads its campaign would dial: not called since the last reset, of these statuses, called fewer times than the limit (null: none). */
export interface DialableLeadRule {
  statuses: readonly string[];
  calledFewerThan: number | null;
}
