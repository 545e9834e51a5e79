import { defineInterface, NO_BODY } from '../operation';
import { successAnswer } from '../wire/envelope';
import { controlPlayback, playbackStateErrors } from './playback-control';

/** `POST /recordplay/{agentid}/pauseplay` (spec §8.3). Not playing: `500-003`. */
export const pausePlayOperation = defineInterface({
  name: 'pausePlay',
  method: 'POST',
  path: '/recordplay/{agentid}/pauseplay',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  run: (ctx) => controlPlayback(ctx, { action: 'pause' }),
  render: () => successAnswer(),
  errors: playbackStateErrors('500-003'),
});
