import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import type { AgentNotification, NewAgentNotification } from './notification';

/** Queues an on-screen alert for agents; the alert as stored, with its number. */
export async function queueAgentNotification(ctx: CoreContext, notification: Omit<NewAgentNotification, 'queuedAt'>): Promise<AgentNotification> {
  return inTransaction(ctx, async (uow) => uow.tx.notifications.insert({ ...notification, queuedAt: uow.now }));
}
