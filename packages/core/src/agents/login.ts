import { DomainError } from '../errors/domain-error';
import type { AgentSession, EventPush } from './agent';
import type { LoginChannel } from '../kernel/vocabulary';
import { newCall, newLeg } from '../calls/call-factory';
import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { inTransaction } from '../kernel/unit-of-work';
import { dialLeg } from '../calls/call-primitives';
import { agentPhoneCall } from './agent-phone-call';
import { agentOwner, conferenceBridgeId, newCallId } from '../kernel/ids';
import { endAgentSession } from './session-end';
import { checkSecretWithLockout } from '../credentials/login-attempt';
import { offerWaitingCallsTo } from './availability';

export interface AgentLoginRequest {
  agentId: string;
  /** Checked against the agent's own secret when given; trusted callers (provisioning) leave it out. */
  secret?: string;
  /** The number the agent signs in with; it becomes the phone to ring. Defaults to the agent's device. */
  phoneNumber?: string | null;
  /**
   * The phone to ring, as a dial string, when the agent signs in from a
   * known device (VoIPSUN's extension: `PJSIP/sip100`); wins over `phoneNumber`.
   */
  device?: string | null;
  via: LoginChannel;
  /** Replace a session that already exists (forced sign-in) instead of refusing. */
  replaceExisting?: boolean;
  initialState?: 'ready' | 'paused' | 'wrap_up';
  pauseReason?: string | null;
  afterCall?: 'ready' | 'wrap_up';
  /** Calls given to the agent are answered without the agent (Huawei autoanswer). */
  autoAnswer?: boolean;
  /** See `AgentSession.answerOnRequest`; false unless asked for. */
  answerOnRequest?: boolean;
  /** A conference the agent sits in for the whole session (VICIdial), by its number. */
  conferenceNumber?: string | null;
  /** Ring the agent's phone into the conference now. */
  connectPhone?: boolean;
  campaignId?: string | null;
  /**
   * Queues (VICIdial in-groups) the agent serves for this session: joined as
   * a dynamic member, left when the session ends. A queue the agent is a
   * member of already keeps that membership.
   */
  queues?: readonly string[];
  /** Takes outbound calls as well as inbound ones (default true); see AgentSession.blended. */
  blended?: boolean;
  /** Push the session's events to this receiver instead of keeping them to be fetched. */
  eventPush?: EventPush | null;
}

export async function loginAgent(ctx: CoreContext, request: AgentLoginRequest): Promise<AgentSession> {
  ctx.words.requireLoginChannel(request.via);
  // The password is checked before the transaction: a failure must be counted
  // even though the login is refused, and the slow hash holds no row lock.
  if (request.secret !== undefined) {
    const agent = await ctx.store.direct.agents.get(request.agentId);
    if (!agent || !agent.active) throw new DomainError('AGENT_NOT_FOUND', `no agent ${request.agentId}`);
    await checkSecretWithLockout(ctx, ctx.store.direct.agents, agent.id, request.secret, agent.secretHash, { clearFailures: true });
  }
  return ctx.queue.run(agentOwner(request.agentId), () =>
    inTransaction(ctx, async (uow) => {
      const { tx, now } = uow;
      const agent = await tx.agents.get(request.agentId);
      if (!agent || !agent.active) throw new DomainError('AGENT_NOT_FOUND', `no agent ${request.agentId}`);
      for (const name of request.queues ?? []) {
        if (!(await tx.queues.get(name))) throw new DomainError('INVALID_ARGUMENT', `no queue ${name}`, { queue: name });
      }
      const existing = await tx.sessions.lock(request.agentId);
      if (existing) {
        if (!request.replaceExisting) throw new DomainError('AGENT_ALREADY_LOGGED_IN', `agent ${request.agentId} is logged in`);
        await endAgentSession(ctx, uow, existing, 'forced');
      }
      const phoneNumber = request.phoneNumber ?? '';
      const device = request.device || (phoneNumber ? ctx.config.phoneEndpointTemplate.replace('{number}', phoneNumber) : (agent.device ?? ''));
      const state = request.initialState ?? 'ready';
      let session: AgentSession = {
        agentId: agent.id,
        sessionId: ctx.ids.newId(),
        state,
        pauseReason: state === 'paused' ? (request.pauseReason ?? null) : null,
        pauseLimitSec: null,
        stateBeforeCall: null,
        device,
        phoneNumber,
        conference: request.conferenceNumber
          ? { number: request.conferenceNumber, bridgeId: conferenceBridgeId(agent.id), agentLegId: null }
          : null,
        serverIp: ctx.config.serverIp,
        campaignId: request.campaignId ?? null,
        currentCallId: null,
        lead: null,
        previewLeadId: null,
        pendingDisposition: null,
        pendingPause: null,
        pendingWrapUp: false,
        pendingLogout: false,
        blended: request.blended ?? true,
        afterCall: request.afterCall ?? 'ready',
        screenRefresh: null,
        timerAction: null,
        autoAnswer: request.autoAnswer ?? false,
        answerOnRequest: request.answerOnRequest ?? false,
        eventPush: request.eventPush ?? null,
        loginVia: request.via,
        loggedInAt: now,
        lastSeenAt: now,
        stateChangedAt: now,
      };
      if (session.conference) {
        const bridgeId = session.conference.bridgeId;
        uow.engine.command('create conference', () => ctx.pbx.ensureBridge(bridgeId, 'mixing'));
        if (request.connectPhone) session = await ringPhoneIntoConference(ctx, uow, session);
      }
      await tx.sessions.insert(session);
      await joinSessionQueues(uow, agent.id, request.queues ?? []);
      await tx.queues.setPausedForAgent(agent.id, state === 'paused');
      uow.publish({ type: 'AgentLoggedIn', agentId: agent.id, state, pauseReason: session.pauseReason, at: now });
      offerWaitingCallsTo(ctx, uow, session);
      return session;
    }),
  );
}

async function joinSessionQueues(uow: UnitOfWork, agentId: string, names: readonly string[]): Promise<void> {
  const serving = new Set(await uow.tx.queues.queuesOfAgent(agentId));
  for (const name of new Set(names)) {
    if (!serving.has(name)) await uow.tx.queues.putMember(name, { agentId, penalty: 0, membership: 'dynamic' });
  }
}

/** Calls the agent's phone; once answered it joins the session conference (see flows/agent-phone). */
export async function ringPhoneIntoConference(ctx: CoreContext, uow: UnitOfWork, session: AgentSession): Promise<AgentSession> {
  if (!session.conference) throw new DomainError('SESSION_HAS_NO_CONFERENCE', 'session has no conference');
  if (!session.device) throw new DomainError('AGENT_HAS_NO_DEVICE', `agent ${session.agentId} has no phone`);
  const { tx, now } = uow;
  const call = newCall(
    {
      id: newCallId(ctx.ids, session.agentId),
      purpose: 'agent_phone',
      progress: { stage: 'ringing_agent' },
      agentId: session.agentId,
      fromNumber: session.conference.number,
      toNumber: session.phoneNumber || session.device,
      bridgeId: session.conference.bridgeId,
      origin: { dialect: session.loginVia, operation: 'agent_phone', apiUserId: null },
    },
    now,
  );
  const leg = newLeg(call, 1, 'agent', session.device, { number: session.conference.number, name: 'Session' }, now);
  await tx.calls.insert(call);
  await tx.calls.insertLeg(leg);
  dialLeg(ctx, uow, leg, { what: 'ring agent phone', timeoutSec: ctx.config.agentRingTimeoutSec, flow: agentPhoneCall, refusal: 'reported' });
  return { ...session, conference: { ...session.conference, agentLegId: leg.id } };
}
