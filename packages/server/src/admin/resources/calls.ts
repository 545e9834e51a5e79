import { callView, legView, type Call, type Leg } from '@pbx-gateway/core';
import { defineRoute, type AdminRoute } from '../admin-route';
import { adminError } from '../admin-errors';
import { pageQuerySchema, pageSchema, readPage, sliceOf, type PageQuery } from '../admin-paging';
import { dateTime, nullableDateTime, nullableInteger, nullableText, objectSchema, pathOf, text } from '../admin-schemas';

export const legSchema = objectSchema({
  id: text,
  callId: text,
  role: text,
  state: { type: 'string', enum: ['dialing', 'ringing', 'up', 'ended'] },
  channelName: nullableText,
  endpoint: text,
  dialedNumber: text,
  createdAt: dateTime,
  answeredAt: nullableDateTime,
  endedAt: nullableDateTime,
  cause: { ...nullableInteger, description: 'Q.850 cause once it ended' },
});

/** A call as every reader gets it (core's callView, the event stream's `call`), with its legs here. */
export const callSchema = objectSchema({
  id: text,
  purpose: text,
  direction: { type: 'string', enum: ['outbound', 'inbound'] },
  state: { type: 'string', enum: ['setup', 'answered', 'ended'] },
  agentId: nullableText,
  tenant: nullableText,
  fromNumber: text,
  toNumber: text,
  extension: nullableText,
  createdAt: dateTime,
  answeredAt: nullableDateTime,
  endedAt: nullableDateTime,
  origin: objectSchema({ dialect: text, operation: text }),
  legs: { type: 'array', items: legSchema },
});

const liveCallView = ({ call, legs }: { call: Call; legs: Leg[] }) => ({ ...callView(call), legs: legs.map(legView) });

const callId = { type: 'string', minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:@-]+$' } as const;

/** Calls not yet ended, as the gateway tracks them (its CDR is written when one ends). */
export const callRoutes: readonly AdminRoute[] = [
  defineRoute<Record<string, never>, PageQuery>({
    method: 'get',
    path: '/calls',
    operationId: 'listCalls',
    summary: 'Live calls, oldest first, each with its legs',
    tag: 'calls',
    scope: 'read',
    query: pageQuerySchema,
    success: { status: 200, description: 'a page of live calls', schema: pageSchema(callSchema) },
    handle: async ({ store }, { query }) => ({ status: 200, body: await readPage(query, sliceOf(() => store.direct.calls.listLive()), liveCallView) }),
  }),
  defineRoute<{ callId: string }>({
    method: 'get',
    path: '/calls/{callId}',
    operationId: 'getCall',
    summary: 'One live call',
    tag: 'calls',
    scope: 'read',
    params: pathOf('callId', callId),
    success: { status: 200, description: 'the call', schema: objectSchema({ call: callSchema }) },
    refusals: ['NOT_FOUND'],
    async handle({ store }, { params }) {
      const call = await store.direct.calls.get(params.callId);
      // An ended call is a CDR now (GET /cdrs).
      if (!call || call.state === 'ended') throw adminError('NOT_FOUND', `no live call ${params.callId}`);
      return { status: 200, body: { call: liveCallView({ call, legs: await store.direct.calls.legsOf(call.id) }) } };
    },
  }),
];
