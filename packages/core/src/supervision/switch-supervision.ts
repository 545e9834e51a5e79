import type { SupervisionMode } from '../calls/call-progress';
import { DomainError } from '../errors/domain-error';
import { hangupLeg } from '../calls/leg-hangup';
import type { CoreContext } from '../kernel/context';
import { requireEngine } from '../kernel/engine';
import { withSupervisorOf, type SupervisorOf } from './locked-supervision';

/** The supervising agent, or any supervisor (an extension's phone), and the new mode. */
export type SupervisionSwitch = ({ supervisorAgentId: string } | { supervisor: SupervisorOf }) & {
  /** The new mode, or, from the current one, the new one (null: this switch does not apply to it). */
  mode: SupervisionMode | ((current: SupervisionMode) => SupervisionMode | null);
};

/**
 * Changes how a supervisor (an agent, or an extension's phone) joins the call. An engine snoop keeps the
 * directions it was started with, so the snoop is replaced: the current one
 * is hung up and, once gone, one of the new mode joins the supervisor's
 * bridge (supervision-flow); the supervisor's phone stays up throughout. A
 * supervision still ringing or joining takes the new mode for the snoop it is
 * about to start. An agent supervising nothing is NO_ACTIVE_CALL; a switch
 * that does not apply to the current mode, or one already under way,
 * AGENT_BUSY.
 */
export async function switchSupervision(ctx: CoreContext, request: SupervisionSwitch): Promise<{ callId: string; mode: SupervisionMode }> {
  requireEngine(ctx, 'switch supervision');
  const supervisor = 'supervisor' in request ? request.supervisor : { agentId: request.supervisorAgentId };
  return withSupervisorOf(ctx, supervisor, async (uow, call) => {
    const callId = call.id;
    const current = call.progress.mode;
    const mode = typeof request.mode === 'function' ? request.mode(current) : request.mode;
    if (mode === null || call.progress.stage === 'switching') throw new DomainError('AGENT_BUSY', `the supervision cannot switch from ${current} now`);
    if (mode === current) return { callId, mode };
    if (call.progress.stage !== 'supervising') {
      await uow.tx.calls.update({ ...call, progress: { ...call.progress, mode } });
      return { callId, mode };
    }
    await uow.tx.calls.update({ ...call, progress: { ...call.progress, mode, stage: 'switching' } });
    const snoop = (await uow.tx.calls.legsOf(callId)).find((leg) => leg.role === 'snoop' && leg.state !== 'ended');
    if (snoop) await hangupLeg(ctx, uow, snoop.id);
    return { callId, mode };
  });
}
