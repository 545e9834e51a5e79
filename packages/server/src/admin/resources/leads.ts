import { DomainError, type Lead, type LeadChanges } from '@pbx-gateway/core';
import { defineRoute, type AdminRoute } from '../admin-route';
import { adminError } from '../admin-errors';
import { pageQueryProperties, pageSchema, readPage, type PageQuery } from '../admin-paging';
import { dateTime, integer, integerId, nullableText, objectSchema, text } from '../admin-schemas';
import { provisionedRoutes } from './provisioned-resource';

const LEAD_TEXT_FIELDS = [
  'phoneCode', 'phoneNumber', 'vendorLeadCode', 'sourceId', 'gmtOffsetNow', 'title', 'firstName', 'middleInitial', 'lastName', 'address1', 'address2',
  'address3', 'city', 'state', 'province', 'postalCode', 'countryCode', 'gender', 'altPhone', 'email', 'securityPhrase', 'comments', 'owner',
] as const;

export const leadSchema = objectSchema({
  id: integer,
  listId: integer,
  entryListId: integer,
  status: text,
  user: text,
  entryDate: dateTime,
  modifyDate: dateTime,
  calledCount: integer,
  calledSinceLastReset: text,
  ...Object.fromEntries(LEAD_TEXT_FIELDS.map((field) => [field, text])),
  dateOfBirth: nullableText,
  rank: integer,
});

export const leadView = (lead: Lead) => ({
  ...lead,
  entryDate: lead.entryDate.toISOString(),
  modifyDate: lead.modifyDate.toISOString(),
});

interface LeadQuery extends PageQuery {
  listId?: number;
  phoneNumber?: string;
}

/** The dialer's leads: provisioning's `leads:`; a stored lead is changed field by field (its status, its call counts stay its own). */
export const leadRoutes: readonly AdminRoute[] = [
  // Leads are listed with filters of their own (below), not as a plain page.
  ...provisionedRoutes<{ leadId: number }, Lead, ReturnType<typeof leadView>>({
    tag: 'leads',
    collection: '/leads',
    singular: 'lead',
    plural: 'leads',
    keyParams: { leadId: integerId },
    keyOf: (params) => ({ leadId: Number(params.leadId) }),
    section: 'leads',
    keyFields: ['id'],
    // A lead is archived by POST /leads/{leadId}/archive, not by its fields.
    bodyOmits: ['archived'],
    entryOf: (key, body) => ({ ...body, id: key.leadId }),
    async check({ core }, entry) {
      const leadId = Number(entry.id);
      if ((await core.getArchivedLead(leadId)) && !(await core.getLead(leadId))) {
        throw new DomainError('INVALID_ARGUMENT', `lead ${leadId} is archived; it is changed once brought back (POST /archived-leads/${leadId}/restore)`);
      }
    },
    list: ({ store }, page) => store.direct.leads.search({ offset: page.offset }, page.limit),
    get: ({ core }, key) => core.getLead(key.leadId),
    async update({ core }, key, entry, stored) {
      if (entry.listId !== stored.listId) throw new DomainError('INVALID_ARGUMENT', `lead ${key.leadId} is in list ${stored.listId}; a lead is not moved here`);
      const { id: _id, listId: _listId, ...fields } = entry;
      // null leaves a field as it is, as an absent one does; only a date of birth is cleared by it.
      const changes = Object.fromEntries(Object.entries(fields).filter(([name, value]) => value !== null || name === 'dateOfBirth')) as LeadChanges;
      if (!(await core.updateLead({ leadId: key.leadId, changes }))) throw adminError('NOT_FOUND', `no such lead: ${key.leadId}`);
    },
    putRefusals: ['INVALID_ARGUMENT', 'LEAD_REJECTED'],
    view: leadView,
    viewSchema: leadSchema,
    notFoundCode: 'NOT_FOUND',
  }).filter((route) => route.operationId !== 'listLeads'),
  defineRoute<Record<string, never>, LeadQuery>({
    method: 'get',
    path: '/leads',
    operationId: 'listLeads',
    summary: 'A page of leads by lead number, of one list or with one phone number when asked',
    tag: 'leads',
    scope: 'read',
    query: { type: 'object', additionalProperties: false, properties: { listId: integerId, phoneNumber: { type: 'string', minLength: 1, maxLength: 18 }, ...pageQueryProperties } },
    success: { status: 200, description: 'a page of leads', schema: pageSchema(leadSchema) },
    async handle({ store }, { query }) {
      const criteria = { ...(query.listId === undefined ? {} : { listIds: [query.listId] }), ...(query.phoneNumber === undefined ? {} : { phoneNumber: query.phoneNumber }) };
      return { status: 200, body: await readPage(query, (page) => store.direct.leads.search({ ...criteria, offset: page.offset }, page.limit), leadView) };
    },
  }),
];
