import { defineInterface, NO_BODY } from '../operation';
import { successAnswer } from '../wire/envelope';
import { controlPlayback, playbackStateErrors } from './playback-control';

/**
 * `DELETE /recordplay/{agentid}/stopplay` (spec §8.2). The phone rung for
 * the audio is released first; `AgentMediaEvent_StopPlayDone` (cause 1)
 * follows. Nothing playing: `500-009`.
 */
export const stopPlayOperation = defineInterface({
  name: 'stopPlay',
  method: 'DELETE',
  path: '/recordplay/{agentid}/stopplay',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  run: (ctx) => controlPlayback(ctx, { action: 'stop' }),
  render: () => successAnswer(),
  errors: playbackStateErrors('500-009'),
});
