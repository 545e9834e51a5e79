import { cdrView } from '@pbx-gateway/core';
import { defineRoute, type AdminRoute } from '../admin-route';
import { adminError } from '../admin-errors';
import { pageQueryProperties, pageSchema, readPage, type PageQuery } from '../admin-paging';
import { dateOf, dateTime, dateTimeSchema, integer, integerId, nullableDateTime, nullableInteger, nullableText, objectSchema, pathOf, text } from '../admin-schemas';

/** A CDR as every reader gets it (core's cdrView, the event stream's `cdr` of `CallEnded`). */
export const cdrSchema = objectSchema({
  id: integer,
  callId: text,
  purpose: text,
  direction: { type: 'string', enum: ['outbound', 'inbound'] },
  tenant: nullableText,
  agentId: nullableText,
  fromNumber: text,
  toNumber: text,
  extension: nullableText,
  startedAt: dateTime,
  answeredAt: nullableDateTime,
  endedAt: dateTime,
  durationSec: integer,
  billsec: integer,
  hangupCause: integer,
  hangupCauseText: text,
  hangupSide: { type: 'string', enum: ['caller', 'callee', 'system'] },
  recordingFile: nullableText,
  pressedKey: nullableText,
  leadId: nullableInteger,
  data: { type: 'object' },
});


interface CdrQuery extends PageQuery {
  from?: string;
  to?: string;
  direction?: 'inbound' | 'outbound';
}

const cdrQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    from: { ...dateTimeSchema, description: 'calls started at or after' },
    to: { ...dateTimeSchema, description: 'calls started at or before' },
    direction: { type: 'string', enum: ['inbound', 'outbound'] },
    ...pageQueryProperties,
  },
} as const;

/** One record per ended call. */
export const cdrRoutes: readonly AdminRoute[] = [
  defineRoute<Record<string, never>, CdrQuery>({
    method: 'get',
    path: '/cdrs',
    operationId: 'listCdrs',
    summary: 'CDRs by id (the order calls ended in), filtered by the time calls started',
    tag: 'cdrs',
    scope: 'read',
    query: cdrQuery,
    success: { status: 200, description: 'a page of CDRs', schema: pageSchema(cdrSchema) },
    async handle({ store }, { query }) {
      const criteria = { from: dateOf('from', query.from), to: dateOf('to', query.to), direction: query.direction };
      const defined = Object.fromEntries(Object.entries(criteria).filter(([, value]) => value !== undefined));
      return { status: 200, body: await readPage(query, (page) => store.direct.cdrs.search({ ...defined, ...page }), cdrView) };
    },
  }),
  defineRoute<{ cdrId: number }>({
    method: 'get',
    path: '/cdrs/{cdrId}',
    operationId: 'getCdr',
    summary: 'One CDR',
    tag: 'cdrs',
    scope: 'read',
    params: pathOf('cdrId', integerId),
    success: { status: 200, description: 'the CDR', schema: objectSchema({ cdr: cdrSchema }) },
    refusals: ['NOT_FOUND'],
    async handle({ store }, { params }) {
      const cdr = await store.direct.cdrs.get(params.cdrId);
      if (!cdr) throw adminError('NOT_FOUND', `no CDR ${params.cdrId}`);
      return { status: 200, body: { cdr: cdrView(cdr) } };
    },
  }),
];
