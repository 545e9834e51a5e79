import { defineInterface, NO_BODY } from '../operation';
import { successAnswer } from '../wire/envelope';
import { jumpPlayback, playbackStateErrors } from './playback-control';

/** `POST /recordplay/{agentid}/backfast/{time}` (spec §8.6): back `time` seconds (not before the start). State error: `500-001`. */
export const backFastPlayOperation = defineInterface({
  name: 'backFastPlay',
  method: 'POST',
  path: '/recordplay/{agentid}/backfast/{time}',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  run: (ctx) => jumpPlayback(ctx, -1),
  render: () => successAnswer(),
  errors: playbackStateErrors('500-001'),
});
