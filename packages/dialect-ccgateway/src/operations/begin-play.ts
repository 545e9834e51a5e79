import type { JSONSchemaType } from 'ajv';
import { defineInterface } from '../operation';
import { successAnswer } from '../wire/envelope';
import { lenientBodyCheck } from '../wire/lenient-fields';
import { playbackStateErrors } from './playback-control';

/** Body of `recordplay/{agentid}/play` (seed 001; spec §8.1). `startpostion` is Huawei's spelling. */
interface PlayBody {
  voicepath: string;
  startpostion?: number;
  volumechange?: string;
  speedchange?: string;
  times?: number;
  codeformat?: number;
  locationId?: number;
}

// Offsets become milliseconds for the engine; larger starts are beyond any recording anyway.
const MAX_START_SECONDS = 2_147_483;

const schema: JSONSchemaType<PlayBody> = {
  type: 'object',
  required: ['voicepath'],
  properties: {
    voicepath: { type: 'string', minLength: 1, maxLength: 100 },
    startpostion: { type: 'integer', nullable: true, minimum: 0, maximum: MAX_START_SECONDS },
    volumechange: { type: 'string', nullable: true, pattern: '^[0-9]{1,5}$' },
    speedchange: { type: 'string', nullable: true, pattern: '^[0-9]{1,5}$' },
    times: { type: 'integer', nullable: true },
    codeformat: { type: 'integer', nullable: true, enum: [0] },
    locationId: { type: 'integer', nullable: true },
  },
  additionalProperties: true,
};

const playBody = lenientBodyCheck(schema);

/**
 * `PUT /recordplay/{agentid}/play`: plays a recording to the agent. An idle
 * agent's phone is rung and the media plays once it is answered (then the
 * phone is released); an agent in a call hears it on the call. `times` is
 * always 1 (as the seed says of any other value); volume and speed are
 * validated and accepted, not applied; `locationId` is accepted and ignored.
 * The path is mapped to a media URI by the core's media policy: a path
 * outside it (or naming anything but a plain file) is a parameter error.
 */
export const beginPlayOperation = defineInterface({
  name: 'beginPlay',
  method: 'PUT',
  path: '/recordplay/{agentid}/play',
  body: 'json',
  auth: 'guid',
  input: playBody,
  async run(ctx, body): Promise<void> {
    await ctx.core.startAgentPlayback({
      agentId: ctx.agentId,
      placement: 'agent',
      media: { kind: 'file', path: body.voicepath },
      offsetMs: (body.startpostion ?? 0) * 1000,
    });
  },
  render: () => successAnswer(),
  errors: playbackStateErrors('500-007'),
});
