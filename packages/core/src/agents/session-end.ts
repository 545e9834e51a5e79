import type { AgentSession } from './agent';
import { isActivePlayback } from '../playback/playback';
import type { DomainEvent } from '../events/domain-event';
import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { hangupLeg } from '../calls/leg-hangup';
import { endSessionRecordings } from '../recording/session-recordings-end';
import { callRingingFor, withdrawRinging } from '../queues/ringing-withdrawal';

type LogoutReason = Extract<DomainEvent, { type: 'AgentLoggedOut' }>['reason'];

/**
 * Ends an agent's session: the call the agent is in is hung up (with the
 * session gone, nothing else would ever release it) unless it is a queued
 * call that only rings the agent, which goes back to its queue; its audio stops, the
 * phone it holds in its conference is released, its recordings end, and
 * the conference goes;
 * what a dialect bound to the session (CC-Gateway GUIDs) its projector
 * revokes on AgentLoggedOut. Telephony clean-up is best effort: the session
 * ends even while the engine is away, and reconciliation tidies up once it
 * is back.
 */
export async function endAgentSession(ctx: CoreContext, uow: UnitOfWork, session: AgentSession, reason: LogoutReason, cause?: number): Promise<void> {
  const { tx, now } = uow;
  const ringing = await callRingingFor(uow, session);
  if (ringing) await withdrawRinging(ctx, uow, session, ringing);
  else if (session.currentCallId) {
    for (const leg of await tx.calls.legsOf(session.currentCallId)) await hangupLeg(ctx, uow, leg.id);
  }
  const playback = await tx.playbacks.activeForAgent(session.agentId);
  if (playback && isActivePlayback(playback)) {
    await tx.playbacks.update({ ...playback, state: 'finished', finishCause: 'stopped', finishedAt: now });
    uow.engine.bestEffort('stop playback at logout', () => ctx.pbx.stopPlayback(playback.id));
    uow.publish({ type: 'PlaybackFinished', playbackId: playback.id, agentId: playback.agentId, callId: playback.callId, cause: 'stopped', at: now });
  }
  await endSessionRecordings(ctx, uow, session.agentId);
  if (session.conference) {
    const { agentLegId, bridgeId } = session.conference;
    if (agentLegId) await hangupLeg(ctx, uow, agentLegId);
    uow.engine.bestEffort('destroy conference', () => ctx.pbx.destroyBridge(bridgeId));
  }
  await tx.sessions.delete(session.agentId, now);
  await leaveSessionQueues(uow, session.agentId);
  await tx.queues.setPausedForAgent(session.agentId, false);
  uow.publish({ type: 'AgentLoggedOut', agentId: session.agentId, via: session.loginVia, reason, ...(cause === undefined ? {} : { cause }), eventPush: session.eventPush, at: now });
}

/** Queues joined for the session (dynamic members) are left with it; provisioned memberships stay. */
async function leaveSessionQueues(uow: UnitOfWork, agentId: string): Promise<void> {
  for (const name of await uow.tx.queues.queuesOfAgent(agentId)) {
    const member = (await uow.tx.queues.get(name))?.members.find((candidate) => candidate.agentId === agentId);
    if (member?.membership === 'dynamic') await uow.tx.queues.removeMember(name, agentId);
  }
}
