import { DomainError } from '../errors/domain-error';
import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import { agentOwner } from '../kernel/ids';
import { ringPhoneIntoConference } from './login';

/**
 * Rings the agent's phone into the session conference unless it is there
 * already (VICIdial's `call_agent`): after the phone was hung up, or after
 * the engine restarted and forgot it.
 */
export async function connectAgentPhone(ctx: CoreContext, request: { agentId: string }): Promise<{ rung: boolean }> {
  return ctx.queue.run(agentOwner(request.agentId), () =>
    inTransaction(ctx, async (uow) => {
      const session = await uow.tx.sessions.lock(request.agentId);
      if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${request.agentId} is not logged in`);
      if (!session.conference) throw new DomainError('SESSION_HAS_NO_CONFERENCE', 'the agent session has no conference');
      const current = session.conference.agentLegId ? await uow.tx.calls.getLeg(session.conference.agentLegId) : null;
      if (current && current.state !== 'ended') return { rung: false };
      await uow.tx.sessions.update(await ringPhoneIntoConference(ctx, uow, session));
      return { rung: true };
    }),
  );
}
