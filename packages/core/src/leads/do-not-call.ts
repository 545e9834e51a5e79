/** Where a do-not-call number applies: every campaign (the system list), or one campaign. */
export type DncScope = { kind: 'system' } | { kind: 'campaign'; campaignId: string };

export interface DncEntry {
  phoneNumber: string;
  scope: DncScope;
}

/** The do-not-call lists a new lead's number is checked against. */
export interface DncChecks {
  system: boolean;
  campaign: boolean;
}
