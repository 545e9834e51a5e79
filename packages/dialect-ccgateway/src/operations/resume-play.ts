import { defineInterface, NO_BODY } from '../operation';
import { successAnswer } from '../wire/envelope';
import { controlPlayback, playbackStateErrors } from './playback-control';

/** `POST /recordplay/{agentid}/resumeplay` (spec §8.4). Not paused: `500-005`. */
export const resumePlayOperation = defineInterface({
  name: 'resumePlay',
  method: 'POST',
  path: '/recordplay/{agentid}/resumeplay',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  run: (ctx) => controlPlayback(ctx, { action: 'resume' }),
  render: () => successAnswer(),
  errors: playbackStateErrors('500-005'),
});
