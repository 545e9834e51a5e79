import { signInSeat } from '../seats';
import type { SipcallSettings } from '../settings';
import { seatQueueService } from './seat-queue-service';
import type { SipcallService } from './service';

/**
 * `App.Sip_Queue.SipSignIn`: the extension takes the queue's calls from now
 * on: its seat agent (seats.ts) joins the core's queue, the one VICIdial
 * in-groups and the other dialects' queues are, and is offered its waiting
 * calls on its phone. Signing in again is a success. Unknown extension
 * `1012`, unknown queue `1002` (queue does not exist).
 */
export function sipSignIn(settings: SipcallSettings): SipcallService {
  return seatQueueService(settings, 'SipSignIn', 'signInDone', (ctx, extension, request) =>
    signInSeat(ctx.core, extension, request.queuename, request.crmid ?? null),
  );
}
