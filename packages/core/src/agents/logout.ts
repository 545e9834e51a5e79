import { DomainError } from '../errors/domain-error';
import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import { agentOwner } from '../kernel/ids';
import { endAgentSession } from './session-end';
import { callRingingFor } from '../queues/ringing-withdrawal';

export interface AgentLogoutRequest {
  agentId: string;
  /**
   * What to do while the agent is in a call: `defer` logs out when the call
   * ends (VICIdial), `refuse` answers AGENT_BUSY (Huawei sign-out), `force`
   * ends the call and the session now. A queued call that only rings the
   * agent is no call of its own for `refuse`: it goes back to its queue.
   */
  whenInCall: 'defer' | 'refuse' | 'force';
  /** The dialect's sign-out cause code (Huawei's 1–255), kept on the logout event for the record. */
  cause?: number;
}

export type LogoutOutcome = 'logged_out' | 'logout_pending';

export async function logoutAgent(ctx: CoreContext, request: AgentLogoutRequest): Promise<LogoutOutcome> {
  return ctx.queue.run(agentOwner(request.agentId), () =>
    inTransaction(ctx, async (uow) => {
      const session = await uow.tx.sessions.lock(request.agentId);
      if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${request.agentId} is not logged in`);
      if (session.state === 'in_call' && session.currentCallId) {
        if (request.whenInCall === 'refuse' && !(await callRingingFor(uow, session))) throw new DomainError('AGENT_BUSY', 'agent is in a call');
        if (request.whenInCall === 'defer') {
          if (!session.pendingLogout) await uow.tx.sessions.update({ ...session, pendingLogout: true });
          return 'logout_pending';
        }
      }
      await endAgentSession(ctx, uow, session, request.whenInCall === 'force' ? 'forced' : 'requested', request.cause);
      return 'logged_out';
    }),
  );
}
