import type { Operation } from '../operation';
import { jumpPlayback } from './playback-control';

/** `POST /recordplay/{agentid}/backfast/{time}` (spec §8.6): back `time` seconds (not before the start). State error: `500-001`. */
export const backFastPlayOperation: Operation = {
  name: 'backFastPlay',
  method: 'POST',
  path: '/recordplay/{agentid}/backfast/{time}',
  auth: 'guid',
  body: 'none',
  bodyError: '000-002',
  run: (ctx, input) => jumpPlayback(ctx, input, 'backFastPlay', -1),
};
