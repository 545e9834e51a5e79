import type { Cdr } from '@pbx-gateway/core';
import { defineRoute, type AdminRoute } from '../admin-route';
import { adminError } from '../admin-errors';
import { pageQueryProperties, pageSchema, readPage, type PageQuery } from '../admin-paging';
import { dateOf, dateTime, dateTimeSchema, integer, integerId, nullableDateTime, nullableInteger, nullableText, objectSchema, pathOf, text } from '../admin-schemas';

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

const cdrView = (cdr: Cdr) => ({
  id: cdr.id,
  callId: cdr.callId,
  purpose: cdr.purpose,
  direction: cdr.direction,
  tenant: cdr.tenant,
  agentId: cdr.agentId,
  fromNumber: cdr.fromNumber,
  toNumber: cdr.toNumber,
  extension: cdr.extension,
  startedAt: cdr.startedAt.toISOString(),
  answeredAt: cdr.answeredAt?.toISOString() ?? null,
  endedAt: cdr.endedAt.toISOString(),
  durationSec: cdr.durationSec,
  billsec: cdr.billsec,
  hangupCause: cdr.hangupCause,
  hangupCauseText: cdr.hangupCauseText,
  hangupSide: cdr.hangupSide,
  recordingFile: cdr.recordingFile,
  pressedKey: cdr.pressedKey,
  leadId: cdr.leadId,
  data: cdr.data,
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
