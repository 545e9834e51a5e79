import { DomainError } from '../errors/domain-error';
import type { AgentSession } from '../agents/agent';
import { placeAgentCustomerCall } from '../calls/agent-customer-call';
import type { CoreContext } from '../kernel/context';
import { agentOwner } from '../kernel/ids';
import { inTransaction, type UnitOfWork } from '../kernel/unit-of-work';
import type { NewQueuedManualDial } from './manual-dial-queue';

export interface QueueManualDialOutcome {
  /** The call placed at once because the agent was free, or null: the number waits in the queue. */
  callId: string | null;
}

/**
 * Adds a number to an agent's manual-dial queue; a number already queued for
 * the agent is refused (INVALID_ARGUMENT, `alreadyQueued`). An agent free to
 * take it (see `dialNextQueued`) gets it dialled at once.
 */
export async function queueManualDial(ctx: CoreContext, entry: Omit<NewQueuedManualDial, 'queuedAt'>): Promise<QueueManualDialOutcome> {
  return ctx.queue.run(agentOwner(entry.agentId), () =>
    inTransaction(ctx, async (uow) => {
      const session = await uow.tx.sessions.lock(entry.agentId);
      if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${entry.agentId} is not logged in`);
      const queued = await uow.tx.manualDialQueue.listForAgent(entry.agentId);
      if (queued.some((other) => other.phoneNumber === entry.phoneNumber)) {
        throw new DomainError('INVALID_ARGUMENT', `${entry.phoneNumber} is already queued for agent ${entry.agentId}`, { alreadyQueued: true });
      }
      await uow.tx.manualDialQueue.add({ ...entry, queuedAt: uow.now });
      return { callId: await dialNextQueued(ctx, uow, session) };
    }),
  );
}

/**
 * Dials the oldest number of the agent's queue when the agent is free for
 * it: paused with no lead on the screen or in preview, or, for a number
 * queued to be called automatically, also waiting ready. Called whenever a
 * session may have become free; answers the call placed, or null. A number
 * that cannot be dialled (no trunk, a lead gone) is dropped from the queue
 * without a call, and the agent stays free, as VICIdial's screen moves on.
 */
export async function dialNextQueued(ctx: CoreContext, uow: UnitOfWork, session: AgentSession): Promise<string | null> {
  if (session.lead !== null || session.previewLeadId !== null || session.pendingLogout) return null;
  if (session.state !== 'paused' && session.state !== 'ready') return null;
  const [next] = await uow.tx.manualDialQueue.listForAgent(session.agentId);
  if (!next || (session.state === 'ready' && !next.whileReady)) return null;
  // Waiting for the engine keeps the number queued: the pause or disposition that freed the agent still holds.
  if (!ctx.pbx.isAvailable()) return null;
  await uow.tx.manualDialQueue.remove(next.id);
  // The call's checks come before it writes anything, so a refusal leaves the unit of work as it was.
  const placed = await placeAgentCustomerCall(ctx, uow, session, {
    agentId: session.agentId,
    number: next.phoneNumber,
    callerId: next.callerId,
    origin: next.origin,
    leadId: next.leadId,
    dialPrefix: `${next.dialPrefix}${next.phoneCode}`,
  }).catch((error: unknown) => {
    if (error instanceof DomainError) return null;
    throw error;
  });
  return placed?.callId ?? null;
}

/**
 * Dials the agent's next queued number if the agent is free, in a command of
 * its own in the agent's queue: run after the command that asked for it.
 * Nothing waits for it; a failure is logged, and the number stays queued.
 */
export function dialQueuedIfFree(ctx: CoreContext, agentId: string): void {
  ctx.queue
    .run(agentOwner(agentId), () =>
      inTransaction(ctx, async (uow) => {
        const session = await uow.tx.sessions.lock(agentId);
        return session ? dialNextQueued(ctx, uow, session) : null;
      }),
    )
    .catch((error: unknown) => ctx.logger.warn('queued manual dial failed', { agentId, error: error instanceof Error ? error.message : String(error) }));
}
