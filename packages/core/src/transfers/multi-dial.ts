import type { CoreContext } from '../kernel/context';
import { agentOwner } from '../kernel/ids';
import { inTransaction } from '../kernel/unit-of-work';
import { DomainError } from '../errors/domain-error';
import type { MultiDialOutcome, MultiDialRequest } from './multi-dial-request';

/** Keeps a logged-in agent's multi-dial request in place of its previous one. */
export async function recordMultiDialRequest(ctx: CoreContext, request: { agentId: string; numbers: readonly string[] }): Promise<MultiDialOutcome> {
  return ctx.queue.run(agentOwner(request.agentId), () =>
    inTransaction(ctx, async (uow) => {
      const session = await uow.tx.sessions.lock(request.agentId);
      if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${request.agentId} is not logged in`);
      const replaced = await uow.tx.multiDialRequests.get(request.agentId);
      const kept: MultiDialRequest = { agentId: request.agentId, numbers: [...request.numbers], requestedAt: uow.now };
      await uow.tx.multiDialRequests.put(kept);
      return { request: kept, replaced };
    }),
  );
}
