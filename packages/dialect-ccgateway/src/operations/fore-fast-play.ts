import type { Operation } from '../operation';
import { jumpPlayback } from './playback-control';

/** `POST /recordplay/{agentid}/forefast/{time}` (spec §8.5): forward `time` seconds. State error: `500-002`. */
export const foreFastPlayOperation: Operation = {
  name: 'foreFastPlay',
  method: 'POST',
  path: '/recordplay/{agentid}/forefast/{time}',
  auth: 'guid',
  body: 'none',
  bodyError: '000-002',
  run: (ctx, input) => jumpPlayback(ctx, input, 'foreFastPlay', 1),
};
