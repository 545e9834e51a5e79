import { DomainError } from '../errors/domain-error';
import type { Leg } from '../calls/call';
import type { CoreContext } from '../kernel/context';
import { findExtension } from '../directory/extension-lookup';
import type { SupervisedParty } from './supervision';

/** Legs that are someone else's supervision are never supervised themselves. */
const SUPERVISING_ROLES: ReadonlySet<Leg['role']> = new Set(['supervisor', 'snoop']);

/**
 * The live, answered leg a supervision joins: the leg with that channel name,
 * the newest answered leg running over that extension, the agent's own leg
 * of its current call (AGENT_NOT_LOGGED_IN without a session), or the
 * agent's phone leg in its conference. None is
 * LEG_NOT_FOUND: there is nothing to listen to.
 */
export async function findSupervisedLeg(ctx: CoreContext, party: SupervisedParty): Promise<Leg> {
  const direct = ctx.store.direct;
  if (party.kind === 'channel') {
    const leg = await direct.calls.findLiveLegByChannelName(party.channelName);
    if (leg && leg.state === 'up' && !SUPERVISING_ROLES.has(leg.role)) return leg;
    throw new DomainError('LEG_NOT_FOUND', `no call on channel ${party.channelName}`);
  }
  if (party.kind === 'agent') return agentLeg(ctx, party.agentId);
  if (party.kind === 'agent_conference') {
    const legId = (await direct.sessions.get(party.agentId))?.conference?.agentLegId ?? null;
    const leg = legId === null ? null : await direct.calls.getLeg(legId);
    if (leg && leg.state === 'up' && leg.channelName !== null) return leg;
    throw new DomainError('LEG_NOT_FOUND', `agent ${party.agentId} has no phone in its conference`);
  }
  const extension = await findExtension(direct, party.selector, party.dialplan);
  const candidates = (await direct.calls.listLive())
    .flatMap(({ legs }) => legs)
    .filter((leg) => leg.state === 'up' && leg.channelName !== null && leg.endpoint === extension.endpoint && !SUPERVISING_ROLES.has(leg.role))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const newest = candidates[0];
  if (!newest) throw new DomainError('LEG_NOT_FOUND', `extension ${extension.internalNumber} is in no call`);
  return newest;
}

async function agentLeg(ctx: CoreContext, agentId: string): Promise<Leg> {
  const session = await ctx.store.direct.sessions.get(agentId);
  if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${agentId} is not logged in`);
  const legs = session.currentCallId === null ? [] : await ctx.store.direct.calls.legsOf(session.currentCallId);
  const own = legs.find((leg) => leg.role === 'agent' && leg.state === 'up' && leg.channelName !== null);
  if (!own) throw new DomainError('LEG_NOT_FOUND', `agent ${agentId} is in no call`);
  return own;
}
