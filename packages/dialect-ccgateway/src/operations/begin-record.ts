import type { JSONSchemaType } from 'ajv';
import type { Recording } from '@pbx-gateway/core';
import { defineInterface } from '../operation';
import { jsonAnswer, renderEnvelope } from '../wire/envelope';
import { lenientBodyCheck } from '../wire/lenient-fields';

/** Body of `recordplay/{agentid}/record` (Huawei `cec_07_4210` / `cec_07_0402`). */
interface RecordBody {
  fileName?: string;
  mediaType: number;
  recordMode?: number;
  recordFormat?: number;
}

const schema: JSONSchemaType<RecordBody> = {
  type: 'object',
  required: ['mediaType'],
  properties: {
    fileName: { type: 'string', nullable: true, maxLength: 100 },
    // 5, ordinary voice, is the only media Huawei records through this interface.
    mediaType: { type: 'integer', enum: [5] },
    // 0 overwrite, 1 append; "any other value is 0".
    recordMode: { type: 'integer', nullable: true },
    // 0 the platform's format, 1 24k VOX, 2 32k VOX, 3 A-law.
    recordFormat: { type: 'integer', nullable: true, enum: [0, 1, 2, 3] },
  },
  additionalProperties: true,
};

const recordBody = lenientBodyCheck(schema);

/**
 * `PUT /recordplay/{agentid}/record`: records the agent's current call (both
 * sides, mixed). The answer's `result` carries the recording's `taskId`;
 * `AgentMediaEvent_Record` follows once the engine writes the file
 * (`AgentMediaEvent_Record_Fail` if it cannot). A `fileName` is a path the
 * media policy maps to the recordings store (the path `play` reads it back
 * by); none or `""`: a name of the gateway's. The file is written in the
 * gateway's format whatever `recordFormat` says, and never over an existing
 * one. Not talking, or recording already: `500-008`.
 */
export const beginRecordOperation = defineInterface({
  name: 'beginRecord',
  method: 'PUT',
  path: '/recordplay/{agentid}/record',
  body: 'json',
  auth: 'guid',
  input: recordBody,
  run: (ctx, body: RecordBody): Promise<Recording> => ctx.core.startAgentCallRecording({ agentId: ctx.agentId, file: body.fileName ? body.fileName : null }),
  render: (recording) => jsonAnswer(renderEnvelope('success', '0', [['taskId', recording.id]])),
  errors: {
    NO_ACTIVE_CALL: '500-008',
    CALL_NOT_FOUND: '500-008',
    RECORDING_ALREADY_ACTIVE: '500-008',
    MEDIA_NOT_ALLOWED: '000-002',
  },
});
