import type { Campaign, DialableLeadRule } from '@pbx-gateway/core';

/** A new campaign's `dial_statuses` in VICIdial: NEW only, in its ` … -` frame. */
export const DEFAULT_DIAL_STATUSES = ' NEW -';

/**
 * Which leads of its lists a campaign dials, as VICIdial's dialable count
 * reads the campaign: its `dial_statuses` (space-separated, ` -` ends the
 * list), not called since the last reset, and with a `call_count_limit`
 * above 0 only those called fewer times.
 */
export function dialableRuleOf(campaign: Campaign): DialableLeadRule {
  const statuses = (campaign.settings.dial_statuses ?? DEFAULT_DIAL_STATUSES).split(' ').filter((status) => status !== '' && status !== '-');
  const limit = Number(campaign.settings.call_count_limit ?? '0');
  return { statuses, calledFewerThan: Number.isSafeInteger(limit) && limit > 0 ? limit : null };
}
