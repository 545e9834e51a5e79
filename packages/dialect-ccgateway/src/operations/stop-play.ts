import type { Operation } from '../operation';
import { controlPlayback } from './playback-control';

/**
 * `DELETE /recordplay/{agentid}/stopplay` (spec §8.2). The phone rung for
 * the audio is released first; `AgentMediaEvent_StopPlayDone` (cause 1)
 * follows. Nothing playing: `500-009`.
 */
export const stopPlayOperation: Operation = {
  name: 'stopPlay',
  method: 'DELETE',
  path: '/recordplay/{agentid}/stopplay',
  auth: 'guid',
  body: 'none',
  bodyError: '000-002',
  run: (ctx, input) => controlPlayback(ctx, input, 'stopPlay', { action: 'stop' }),
};
