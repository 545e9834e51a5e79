import type { Operation } from '../operation';
import { controlPlayback, invalidTime, jumpSeconds } from './playback-control';

/** `POST /recordplay/{agentid}/backfast/{time}` (spec §8.6): back `time` seconds (not before the start). State error: `500-001`. */
export const backFastPlayOperation: Operation = {
  name: 'backFastPlay',
  method: 'POST',
  path: '/recordplay/{agentid}/backfast/{time}',
  auth: 'guid',
  body: 'none',
  bodyError: '000-002',
  run(ctx, input) {
    const seconds = jumpSeconds(input);
    if (seconds === null) return Promise.resolve(invalidTime());
    return controlPlayback(ctx, input, 'backFastPlay', { action: 'jump', seconds: -seconds });
  },
};
