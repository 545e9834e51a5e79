import type { Operation } from '../operation';
import { controlPlayback } from './playback-control';

/** `POST /recordplay/{agentid}/pauseplay` (spec §8.3). Not playing: `500-003`. */
export const pausePlayOperation: Operation = {
  name: 'pausePlay',
  method: 'POST',
  path: '/recordplay/{agentid}/pauseplay',
  auth: 'guid',
  body: 'none',
  bodyError: '000-002',
  run: (ctx, input) => controlPlayback(ctx, input, 'pausePlay', { action: 'pause' }),
};
