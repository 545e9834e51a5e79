import type { JSONSchemaType } from 'ajv';
import { defineInterface, refuse } from '../operation';
import { successAnswer } from '../wire/envelope';
import { lenientBodyCheck } from '../wire/lenient-fields';
import { agentSession } from './agent-session';
import { CALL_APP_DATA } from '../wire/call-info';
import { CALL_ID } from './call-app-data';

/** Body of `calldata/{agentid}/setcalldataex` (Huawei `cec_07_1263` / `cec_07_0421`). */
interface SetCallAppDataExBody {
  callid?: string;
  calldata?: string;
  isDataEncoded?: boolean;
}

/** Huawei's limit on the original content: 16 KB. */
const MAX_CALL_DATA_BYTES = 16 * 1024;

const schema: JSONSchemaType<SetCallAppDataExBody> = {
  type: 'object',
  properties: {
    callid: { type: 'string', nullable: true, pattern: CALL_ID.source.replace('{1,128}', '{0,128}') },
    // Base64 of 16 KB is longer than 16 KB: the decoded size is judged by the interface.
    calldata: { type: 'string', nullable: true, maxLength: 4 * MAX_CALL_DATA_BYTES },
    isDataEncoded: { type: 'boolean', nullable: true },
  },
  additionalProperties: true,
};

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The data as the call keeps it (decoded); null when it is not Base64 though said to be, or longer than 16 KB. */
function originalContent(body: SetCallAppDataExBody): string | null {
  const given = body.calldata ?? '';
  if (body.isDataEncoded !== true) return Buffer.byteLength(given, 'utf8') <= MAX_CALL_DATA_BYTES ? given : null;
  if (!BASE64.test(given)) return null;
  const decoded = Buffer.from(given, 'base64');
  return decoded.length <= MAX_CALL_DATA_BYTES ? decoded.toString('utf8') : null;
}

/**
 * `PUT /calldata/{agentid}/setcalldataex` (Huawei `cec_07_1263` /
 * `cec_07_0421`, setCallAppDataEx): replaces the call-associated data of the
 * agent's call (`callid`, else its current call) with `calldata` (Base64
 * when `isDataEncoded`), at most 16 KB; appdata answers it from then on and
 * the call's CDR carries it. A body that cannot be taken: `000-002`; no
 * such call of the agent: `400-001`. `result` `{}`.
 */
export const setCallAppDataExOperation = defineInterface({
  name: 'setCallAppDataEx',
  method: 'PUT',
  path: '/calldata/{agentid}/setcalldataex',
  body: 'json',
  auth: 'guid',
  input: lenientBodyCheck(schema),
  async run(ctx, body: SetCallAppDataExBody): Promise<void> {
    const content = originalContent(body);
    if (content === null) throw refuse('000-002');
    await agentSession(ctx);
    await ctx.core.setAgentCallData({ agentId: ctx.agentId, callId: body.callid ? body.callid : null, data: { [CALL_APP_DATA]: content } });
  },
  render: () => successAnswer(),
  errors: { NO_ACTIVE_CALL: '400-001', CALL_NOT_FOUND: '400-001' },
});
