import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { agentLegOf, type AgentTalk, type CustomerCall } from './agent-call';

const withAgentMuted = <C extends CustomerCall>(call: C, agentMuted: boolean): C => ({ ...call, progress: { ...call.progress, agentMuted } });

/**
 * Mutes the agent on its customer call, or lets it be heard again: the
 * engine stops the audio coming from the agent's phone (the agent still
 * hears the others). Nothing changes, and false is answered, when the agent
 * is already in that state or its phone is not on the call (left it, or
 * still ringing). The mute lives on the agent's leg, so it ends with it.
 */
export async function setAgentMuted(ctx: CoreContext, uow: UnitOfWork, { call, legs }: AgentTalk, muted: boolean): Promise<boolean> {
  const agentLeg = agentLegOf(call, legs);
  if (!agentLeg || agentLeg.state !== 'up' || agentLeg.hangupRequested || (call.progress.agentMuted === true) === muted) return false;
  await uow.tx.calls.update(withAgentMuted(call, muted));
  uow.engine.command(muted ? 'mute agent' : 'unmute agent', () => ctx.pbx.setMuted(agentLeg.id, muted));
  return true;
}
