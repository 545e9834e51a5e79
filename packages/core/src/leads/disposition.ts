import { armPauseLimit } from '../agents/pause-limit';
import { DomainError } from '../errors/domain-error';
import type { AgentSession, Disposition } from '../agents/agent';
import { endAgentSession } from '../agents/session-end';
import { offerWaitingCallsTo } from '../agents/availability';
import type { CoreContext } from '../kernel/context';
import { agentOwner } from '../kernel/ids';
import { inTransaction, type UnitOfWork } from '../kernel/unit-of-work';
import { dialsManually } from './campaign';
import { CALLBACK_HOLD_STATUS, MAX_CALLBACK_COMMENTS_LENGTH, MAX_STATUS_LENGTH } from './lead';

export interface DispositionRequest {
  agentId: string;
  disposition: Disposition;
}

export interface DispositionOutcome {
  /** Applied now, or when the lead's call ends (it was still up). */
  when: 'now' | 'after_call';
  /** The status is one that schedules a callback (system-wide or of the agent's campaign). */
  scheduledCallbackStatus: boolean;
}

/** A status a lead can take: 1 to 6 characters (INVALID_ARGUMENT otherwise). */
export function checkDispositionStatus(status: string): void {
  if (status.length < 1 || [...status].length > MAX_STATUS_LENGTH) {
    throw new DomainError('INVALID_ARGUMENT', `a status has 1 to ${MAX_STATUS_LENGTH} characters`, { status });
  }
}

/**
 * The agent's disposition of the lead on their screen: the lead takes the
 * status (held as CBHOLD when a callback is scheduled with it), the lead's
 * call record takes it too, and the agent moves on. Given during the call,
 * it is kept and applied when the call ends.
 */
export async function dispositionAgentLead(ctx: CoreContext, request: DispositionRequest): Promise<DispositionOutcome> {
  const { status: given, callback: asked } = request.disposition;
  checkDispositionStatus(given);
  if (asked && [...asked.comments].length > MAX_CALLBACK_COMMENTS_LENGTH) {
    throw new DomainError('INVALID_ARGUMENT', `callback comments have at most ${MAX_CALLBACK_COMMENTS_LENGTH} characters`);
  }
  return ctx.queue.run(agentOwner(request.agentId), () =>
    inTransaction(ctx, async (uow) => {
      const session = await uow.tx.sessions.lock(request.agentId);
      if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${request.agentId} is not logged in`);
      if (!session.lead) throw new DomainError('NO_ACTIVE_LEAD', `agent ${request.agentId} has no lead`);
      const status = await uow.tx.leadStatuses.find(request.disposition.status, session.campaignId);
      const scheduledCallbackStatus = status?.scheduledCallback ?? false;
      const disposition: Disposition = { ...request.disposition, callback: scheduledCallbackStatus ? request.disposition.callback : null };
      if (session.state === 'in_call') {
        await uow.tx.sessions.update({ ...session, pendingDisposition: disposition });
        return { when: 'after_call', scheduledCallbackStatus };
      }
      await applyDisposition(ctx, uow, session, disposition);
      return { when: 'now', scheduledCallbackStatus };
    }),
  );
}

/**
 * Records a disposition and takes the agent out of it: logged out or paused
 * when that was asked for meanwhile, paused when the campaign dials manually
 * (the agent dials the next call), ready otherwise.
 */
export async function applyDisposition(ctx: CoreContext, uow: UnitOfWork, session: AgentSession, disposition: Disposition): Promise<void> {
  const { tx, now } = uow;
  const leadOnScreen = session.lead;
  if (!leadOnScreen) return;
  const lead = await tx.leads.lock(leadOnScreen.leadId);
  if (lead) {
    const campaignId = session.campaignId ?? (await tx.leadLists.get(lead.listId))?.campaignId ?? null;
    const callback = campaignId === null ? null : disposition.callback;
    let callbackId: number | null = null;
    if (callback && campaignId !== null) {
      ({ id: callbackId } = await tx.callbacks.insert({
        leadId: lead.id,
        listId: lead.listId,
        campaignId,
        state: 'ACTIVE',
        status: disposition.status,
        callbackAt: callback.at,
        recipient: callback.recipient,
        agentId: session.agentId,
        comments: callback.comments,
        createdAt: now,
      }));
    }
    await tx.leads.update({ ...lead, status: callback ? CALLBACK_HOLD_STATUS : disposition.status, user: session.agentId, modifyDate: now });
    uow.publish({ type: 'LeadDispositioned', leadId: lead.id, agentId: session.agentId, status: disposition.status, callbackId, at: now });
  }
  if (leadOnScreen.callId) {
    const call = await tx.leadCalls.get(leadOnScreen.callId);
    if (call) await tx.leadCalls.update({ ...call, status: disposition.status, dispositionedAt: now });
  }
  const done: AgentSession = { ...session, lead: null, pendingDisposition: null, nextPauseReason: null };
  if (session.pendingLogout) {
    await endAgentSession(ctx, uow, done, 'after_call');
    return;
  }
  const campaign = session.campaignId === null ? null : await tx.campaigns.get(session.campaignId);
  const paused = session.pendingPause !== null || dialsManually(campaign);
  const next: AgentSession = paused
    ? { ...done, state: 'paused', pauseReason: session.pendingPause?.reason ?? session.nextPauseReason ?? null, pauseLimitSec: session.pendingPause?.limitSec ?? null, pendingPause: null, stateChangedAt: now }
    : { ...done, state: 'ready', pauseReason: null, pauseLimitSec: null, stateChangedAt: now };
  await tx.sessions.update(next);
  await tx.queues.setPausedForAgent(session.agentId, paused);
  if (next.state !== session.state) {
    uow.publish({ type: 'AgentStateChanged', agentId: session.agentId, from: session.state, to: next.state, reason: next.pauseReason, at: now });
    armPauseLimit(ctx, uow, next);
  }
  offerWaitingCallsTo(ctx, uow, next);
  // The agent is free again: a number queued meanwhile is dialled next, as VICIdial's screen picks it up.
  ctx.manualDials.agentMayBeFree(session.agentId);
}
