import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import type { AgentCall } from './agent-call';

/**
 * Mutes the agent on its customer call, or lets it be heard again: the
 * engine stops the audio coming from the agent's phone (the agent still
 * hears the others). Nothing changes, and false is answered, when the agent
 * is already in that state or its phone is not on the call (left it, or
 * still ringing). The mute lives on the agent's leg, so it ends with it.
 */
export async function setAgentMuted(ctx: CoreContext, uow: UnitOfWork, { call, legs }: AgentCall, muted: boolean): Promise<boolean> {
  const agentLeg = legs.find((leg) => leg.role === 'agent' && leg.state === 'up' && !leg.hangupRequested);
  if (!agentLeg || call.progress.agentLeft || (call.progress.agentMuted === true) === muted) return false;
  await uow.tx.calls.update({ ...call, progress: { ...call.progress, agentMuted: muted } });
  uow.engine.command(muted ? 'mute agent' : 'unmute agent', () => ctx.pbx.setMuted(agentLeg.id, muted));
  return true;
}
