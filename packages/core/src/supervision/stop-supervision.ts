import { hangupOtherLegs } from '../calls/leg-hangup';
import type { CoreContext } from '../kernel/context';
import { requireEngine } from '../kernel/engine';
import { withAgentSupervision } from './locked-supervision';

/**
 * Ends the supervision an agent is running: its phone and the snoop are hung
 * up, and the supervision flow ends the call (and the agent's part in it) as
 * the engine reports them gone. An agent running none is NO_ACTIVE_CALL.
 */
export async function stopSupervision(ctx: CoreContext, request: { supervisorAgentId: string }): Promise<{ callId: string }> {
  requireEngine(ctx, 'stop supervision');
  return withAgentSupervision(ctx, request.supervisorAgentId, async (uow, call) => {
    await hangupOtherLegs(ctx, uow, await uow.tx.calls.legsOf(call.id), null);
    return { callId: call.id };
  });
}
