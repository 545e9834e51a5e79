import type { Lead, LeadSearch } from '@pbx-gateway/core';
import type { NonAgentContext } from './operation';

/**
 * The lead table a lead reading function reads (VICIdial's
 * `$vicidial_list_table`): the archive (`vicidial_list_archive`) when
 * `archived_lead` is Y after its filter (letters and digits), else the
 * leads. Only the lead rows move: lists, lists' own fields and call logs are
 * read as for an active lead.
 */
export interface LeadTable {
  get(leadId: number): Promise<Lead | null>;
  find(criteria: LeadSearch, limit: number): Promise<Lead[]>;
}

export function leadTableOf(ctx: NonAgentContext, archivedLead: string): LeadTable {
  if (archivedLead === 'Y') return { get: (leadId) => ctx.core.getArchivedLead(leadId), find: (criteria, limit) => ctx.core.findArchivedLeads(criteria, limit) };
  return { get: (leadId) => ctx.core.getLead(leadId), find: (criteria, limit) => ctx.core.findLeads(criteria, limit) };
}

/** `archived_lead` as VICIdial filters it. */
export const ARCHIVED_LEAD_FILTER = { keep: '0-9a-zA-Z' } as const;
