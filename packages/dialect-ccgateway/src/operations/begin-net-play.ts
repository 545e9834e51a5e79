import type { JSONSchemaType } from 'ajv';
import { defineInterface, refuse, type InterfaceContext } from '../operation';
import { successAnswer } from '../wire/envelope';
import { lenientBodyCheck } from '../wire/lenient-fields';
import { agentSession } from './agent-session';
import { playbackStateErrors } from './playback-control';

/** Body of `recordplay/{agentid}/netplay` (Huawei `cec_07_4212`). */
interface NetPlayBody {
  fileName: string;
  position?: number;
  playTime?: number;
  fileFormat?: number;
  ccId: number;
  locationId?: number;
}

// Offsets become milliseconds for the engine; larger starts are beyond any recording anyway.
const MAX_START_SECONDS = 2_147_483;

/** `playTime` 0: loop for ever, which the gateway cannot do (any other value plays once, as Huawei says). */
const LOOP_FOR_EVER = 0;

const schema: JSONSchemaType<NetPlayBody> = {
  type: 'object',
  required: ['fileName', 'ccId'],
  properties: {
    fileName: { type: 'string', minLength: 1, maxLength: 100 },
    position: { type: 'integer', nullable: true, minimum: 0, maximum: MAX_START_SECONDS },
    playTime: { type: 'integer', nullable: true },
    fileFormat: { type: 'integer', nullable: true, enum: [0, 1, 2] },
    ccId: { type: 'integer', minimum: 0 },
    locationId: { type: 'integer', nullable: true, minimum: 0, maximum: 65_535 },
  },
  additionalProperties: true,
};

const netPlayBody = lenientBodyCheck(schema);

/** Whether the agent talks in a three-party call: three parties or more on the line, none of them held. */
async function inThreePartyCall(ctx: InterfaceContext): Promise<boolean> {
  const { currentCallId } = await agentSession(ctx);
  const found = currentCallId ? await ctx.core.getCall(currentCallId) : null;
  if (!found) return false;
  const { call, legs } = found;
  const parked = 'parkedLegIds' in call.progress ? (call.progress.parkedLegIds ?? []) : [];
  return legs.filter((leg) => leg.state === 'up' && !parked.includes(leg.id)).length >= 3;
}

/**
 * `POST /recordplay/{agentid}/netplay`: the network-call-centre form of
 * `play`, played the same way (an idle agent's phone is rung and released
 * afterwards; an agent in a call hears it on the call) with the same events.
 * `fileName` goes through the core's media policy like `play`'s `voicepath`;
 * `position` is the start in seconds. `playTime` 0 (loop for ever) is a
 * parameter error, every other value plays once. `fileFormat` (0–2) and
 * `ccId` are validated and not used: the engine plays the stored file in its
 * own format, and the gateway is one call centre. `locationId` is accepted.
 * An agent in a three-party call is refused (`500-007`), as Huawei requires.
 */
export const beginNetPlayOperation = defineInterface({
  name: 'beginNetPlay',
  method: 'POST',
  path: '/recordplay/{agentid}/netplay',
  body: 'json',
  auth: 'guid',
  input: netPlayBody,
  partial: '`playTime` 0 (loop for ever) is refused with `000-002`: a recording is played once',
  async run(ctx, body): Promise<void> {
    if (body.playTime === LOOP_FOR_EVER) throw refuse('000-002');
    // Huawei's prerequisite: the other two parties would not hear what the agent is played.
    if (await inThreePartyCall(ctx)) throw refuse('500-007');
    await ctx.core.startAgentPlayback({
      agentId: ctx.agentId,
      placement: 'agent',
      media: { kind: 'file', path: body.fileName },
      offsetMs: (body.position ?? 0) * 1000,
    });
  },
  render: () => successAnswer(),
  errors: playbackStateErrors('500-007'),
});
