import type { Operation } from '../operation';
import { controlPlayback } from './playback-control';

/** `POST /recordplay/{agentid}/resumeplay` (spec §8.4). Not paused: `500-005`. */
export const resumePlayOperation: Operation = {
  name: 'resumePlay',
  method: 'POST',
  path: '/recordplay/{agentid}/resumeplay',
  auth: 'guid',
  body: 'none',
  bodyError: '000-002',
  run: (ctx, input) => controlPlayback(ctx, input, 'resumePlay', { action: 'resume' }),
};
