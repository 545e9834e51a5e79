import { DomainError } from '../errors/domain-error';
import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import { agentOwner } from '../kernel/ids';

export interface AgentCallDtmfRequest {
  agentId: string;
  /** Keys `0-9`, `*`, `#`, `A-D`; `,` is one second of silence. None: only the call is checked. */
  digits: string;
}

const DIGITS = /^[0-9A-D*#,]*$/;

/**
 * Sends keys to the customer of the agent's current call (an IVR at the far
 * end hears them). The call is read in a short transaction and the keys go
 * out after it, in the agent's queue; nothing is written, since keys leave
 * no state behind.
 */
export async function sendAgentCallDtmf(ctx: CoreContext, request: AgentCallDtmfRequest): Promise<void> {
  if (!DIGITS.test(request.digits)) throw new DomainError('INVALID_ARGUMENT', 'not DTMF keys', { digits: request.digits });
  const digits = request.digits;
  await ctx.queue.run(agentOwner(request.agentId), () =>
    inTransaction(ctx, async (uow) => {
      const session = await uow.tx.sessions.get(request.agentId);
      if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${request.agentId} is not logged in`);
      const legs = session.currentCallId ? await uow.tx.calls.legsOf(session.currentCallId) : [];
      const customer = legs.find((leg) => leg.role === 'customer' && leg.state === 'up');
      if (!customer) throw new DomainError('NO_ACTIVE_CALL', `agent ${request.agentId} has no customer on the line`);
      if (digits !== '') uow.engine.command('send dtmf', () => ctx.pbx.sendDtmf(customer.id, digits));
    }),
  );
}
