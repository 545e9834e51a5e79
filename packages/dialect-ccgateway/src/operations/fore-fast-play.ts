import { defineInterface, NO_BODY } from '../operation';
import { successAnswer } from '../wire/envelope';
import { jumpPlayback, playbackStateErrors } from './playback-control';

/** `POST /recordplay/{agentid}/forefast/{time}` (spec §8.5): forward `time` seconds. State error: `500-002`. */
export const foreFastPlayOperation = defineInterface({
  name: 'foreFastPlay',
  method: 'POST',
  path: '/recordplay/{agentid}/forefast/{time}',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  run: (ctx) => jumpPlayback(ctx, 1),
  render: () => successAnswer(),
  errors: playbackStateErrors('500-002'),
});
