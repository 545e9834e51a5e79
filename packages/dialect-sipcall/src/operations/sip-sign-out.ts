import { seatAgentId } from '../seats';
import type { SipcallSettings } from '../settings';
import { seatQueueService } from './seat-queue-service';
import type { SipcallService } from './service';

/**
 * `App.Sip_Queue.SipSignOut`: the extension's seat leaves the queue (a call
 * it is in goes on). An extension not signed in to it is already signed out:
 * success, as Logout is. Unknown extension `1012`, unknown queue `1002`.
 */
export function sipSignOut(settings: SipcallSettings): SipcallService {
  return seatQueueService(settings, 'SipSignOut', 'signOutDone', async (ctx, extension, request) => {
    const agentId = seatAgentId(extension);
    if (!(await ctx.core.getAgentSession(agentId))) return;
    await ctx.core.changeAgentQueues({ agentId, change: 'remove', queues: [request.queuename], blended: null });
  });
}
