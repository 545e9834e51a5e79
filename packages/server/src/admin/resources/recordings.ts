import type { Recording } from '@pbx-gateway/core';
import { defineRoute, type AdminRoute } from '../admin-route';
import { adminError } from '../admin-errors';
import { pageQueryProperties, pageSchema, readPage, sliceOf, type PageQuery } from '../admin-paging';
import { dateOf, dateTime, dateTimeSchema, integerId, nameSchema, nullableDateTime, nullableInteger, nullableText, objectSchema, pathOf, text } from '../admin-schemas';

export const recordingSchema = objectSchema({
  id: text,
  name: text,
  format: text,
  location: text,
  agentId: nullableText,
  callId: nullableText,
  leadId: nullableInteger,
  state: { type: 'string', enum: ['pending', 'recording', 'stopping', 'finished', 'failed'] },
  createdAt: dateTime,
  startedAt: nullableDateTime,
  endedAt: nullableDateTime,
  durationSec: nullableInteger,
});

const recordingView = (recording: Recording) => ({
  id: recording.id,
  name: recording.name,
  format: recording.format,
  location: recording.location,
  agentId: recording.agentId,
  callId: recording.callId,
  leadId: recording.leadId,
  state: recording.state,
  createdAt: recording.createdAt.toISOString(),
  startedAt: recording.startedAt?.toISOString() ?? null,
  endedAt: recording.endedAt?.toISOString() ?? null,
  durationSec: recording.durationSec,
});

interface RecordingQuery extends PageQuery {
  from?: string;
  to?: string;
  agentId?: string;
  callId?: string;
  leadId?: number;
}

const recordingQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    from: { ...dateTimeSchema, description: 'recordings created at or after' },
    to: { ...dateTimeSchema, description: 'recordings created before' },
    agentId: nameSchema,
    callId: { type: 'string', minLength: 1, maxLength: 100 },
    leadId: integerId,
    ...pageQueryProperties,
  },
} as const;

const recordingId = { type: 'string', minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9_.:@-]+$' } as const;

/** Recordings of agents' conferences and of calls, oldest first. */
export const recordingRoutes: readonly AdminRoute[] = [
  defineRoute<Record<string, never>, RecordingQuery>({
    method: 'get',
    path: '/recordings',
    operationId: 'listRecordings',
    summary: 'Recordings, oldest first, filtered by the time they were made, agent, call or lead',
    tag: 'recordings',
    scope: 'read',
    query: recordingQuery,
    success: { status: 200, description: 'a page of recordings', schema: pageSchema(recordingSchema) },
    async handle({ store }, { query }) {
      const criteria = { from: dateOf('from', query.from), to: dateOf('to', query.to), agentId: query.agentId, callId: query.callId, leadId: query.leadId };
      const defined = Object.fromEntries(Object.entries(criteria).filter(([, value]) => value !== undefined));
      return { status: 200, body: await readPage(query, sliceOf(() => store.direct.recordings.search(defined)), recordingView) };
    },
  }),
  defineRoute<{ recordingId: string }>({
    method: 'get',
    path: '/recordings/{recordingId}',
    operationId: 'getRecording',
    summary: 'One recording',
    tag: 'recordings',
    scope: 'read',
    params: pathOf('recordingId', recordingId),
    success: { status: 200, description: 'the recording', schema: objectSchema({ recording: recordingSchema }) },
    refusals: ['NOT_FOUND'],
    async handle({ store }, { params }) {
      const recording = await store.direct.recordings.get(params.recordingId);
      if (!recording) throw adminError('NOT_FOUND', `no recording ${params.recordingId}`);
      return { status: 200, body: { recording: recordingView(recording) } };
    },
  }),
];
