import { DomainError } from '@pbx-gateway/core';
import { defineRoute, type AdminRoute } from '../admin-route';
import { adminError } from '../admin-errors';
import { pageQueryProperties, pageSchema, readPage, type PageQuery } from '../admin-paging';
import { integer, integerId, objectSchema, pathOf } from '../admin-schemas';
import { leadSchema, leadView } from './leads';

interface LeadPath {
  leadId: number;
}

interface ArchivedLeadQuery extends PageQuery {
  listId?: number;
  phoneNumber?: string;
}

const leadPath = pathOf('leadId', integerId);

/**
 * The lead archive (VICIdial's `vicidial_list_archive`): a lead moved there
 * keeps its number and fields and is no longer dialled; its callbacks go to
 * the callback archive. The Non-Agent API reads it with `archived_lead=Y`
 * and brings a lead back with lead_dearchive.
 */
export const leadArchiveRoutes: readonly AdminRoute[] = [
  defineRoute<LeadPath>({
    method: 'post',
    path: '/leads/{leadId}/archive',
    operationId: 'archiveLead',
    summary: 'Move a lead to the lead archive (its callbacks to the callback archive)',
    tag: 'leads',
    scope: 'provision',
    params: leadPath,
    success: { status: 200, description: 'the archived lead and how many callbacks were archived with it', schema: objectSchema({ lead: leadSchema, callbacksArchived: integer }) },
    refusals: ['NOT_FOUND', 'LEAD_REJECTED'],
    async handle({ core }, { params }) {
      const archived = await core.archiveLead(params.leadId);
      if (!archived) throw adminError('NOT_FOUND', `no such lead: ${params.leadId}`);
      return { status: 200, body: { lead: leadView(archived.lead), callbacksArchived: archived.callbacksArchived } };
    },
  }),
  defineRoute<LeadPath>({
    method: 'post',
    path: '/archived-leads/{leadId}/restore',
    operationId: 'restoreArchivedLead',
    summary: 'Move an archived lead back to the leads, as it was',
    tag: 'leads',
    scope: 'provision',
    params: leadPath,
    success: { status: 200, description: 'the lead, back among the leads', schema: objectSchema({ lead: leadSchema }) },
    refusals: ['NOT_FOUND', 'DUPLICATE_LEAD'],
    async handle({ core }, { params }) {
      const done = await core.dearchiveLead({ leadId: params.leadId, listIds: null });
      if (done.outcome === 'not_archived') throw adminError('NOT_FOUND', `no archived lead ${params.leadId}`);
      if (done.outcome === 'active') throw new DomainError('DUPLICATE_LEAD', `a lead numbered ${params.leadId} is among the leads`, { leadId: params.leadId });
      return { status: 200, body: { lead: leadView(done.lead) } };
    },
  }),
  defineRoute<LeadPath>({
    method: 'get',
    path: '/archived-leads/{leadId}',
    operationId: 'getArchivedLead',
    summary: 'One archived lead',
    tag: 'leads',
    scope: 'read',
    params: leadPath,
    success: { status: 200, description: 'the archived lead', schema: objectSchema({ lead: leadSchema }) },
    refusals: ['NOT_FOUND'],
    async handle({ core }, { params }) {
      const lead = await core.getArchivedLead(params.leadId);
      if (!lead) throw adminError('NOT_FOUND', `no archived lead ${params.leadId}`);
      return { status: 200, body: { lead: leadView(lead) } };
    },
  }),
  defineRoute<Record<string, never>, ArchivedLeadQuery>({
    method: 'get',
    path: '/archived-leads',
    operationId: 'listArchivedLeads',
    summary: 'A page of archived leads by lead number, of one list or with one phone number when asked',
    tag: 'leads',
    scope: 'read',
    query: { type: 'object', additionalProperties: false, properties: { listId: integerId, phoneNumber: { type: 'string', minLength: 1, maxLength: 18 }, ...pageQueryProperties } },
    success: { status: 200, description: 'a page of archived leads', schema: pageSchema(leadSchema) },
    async handle({ core }, { query }) {
      const criteria = { ...(query.listId === undefined ? {} : { listIds: [query.listId] }), ...(query.phoneNumber === undefined ? {} : { phoneNumber: query.phoneNumber }) };
      return { status: 200, body: await readPage(query, (page) => core.findArchivedLeads({ ...criteria, offset: page.offset }, page.limit), leadView) };
    },
  }),
];
