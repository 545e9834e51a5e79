import { DomainError } from '../errors/domain-error';
import { startCall, type AgentSession } from '../agents/agent';
import type { Call, Leg } from '../calls/call';
import { agentPlaybackCall } from './agent-playback-call';
import { dialLeg } from '../calls/call-primitives';
import { isActivePlayback, type Playback } from './playback';
import type { PlaybackTarget } from '../ports/pbx';
import { newCall, newLeg } from '../calls/call-factory';
import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { inTransaction } from '../kernel/unit-of-work';
import { agentOwner, newCallId, newPlaybackId } from '../kernel/ids';
import { resolveMedia, type MediaRequest } from './media-resolution';
import { stopPlaybackNow } from './playback-stop';

export interface AgentPlaybackRequest {
  agentId: string;
  media: MediaRequest;
  /**
   * `conference`: into the agent's session conference, which must exist
   * (VICIdial). `agent`: to the agent wherever they are: the conference, the
   * current call, or else by ringing the agent's phone (Huawei).
   */
  placement: 'conference' | 'agent';
  /** Stop audio already playing instead of refusing (VICIdial `dial_override=Y`). */
  replaceActive?: boolean;
  offsetMs?: number;
}

export interface AgentPlaybackStarted {
  playback: Playback;
  /** The playback that was stopped to make room, if any. */
  replaced: Playback | null;
  session: AgentSession;
}

export async function startAgentPlayback(ctx: CoreContext, request: AgentPlaybackRequest): Promise<AgentPlaybackStarted> {
  const media = resolveMedia(request.media, ctx.config.media);
  return ctx.queue.run(agentOwner(request.agentId), () =>
    inTransaction(ctx, async (uow) => {
      const { tx, now } = uow;
      let session = await tx.sessions.lock(request.agentId);
      if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${request.agentId} is not logged in`);
      if (request.placement === 'conference' && !session.conference) {
        throw new DomainError('SESSION_HAS_NO_CONFERENCE', 'the agent session has no conference');
      }
      const active = await tx.playbacks.activeForAgent(session.agentId);
      let replaced: Playback | null = null;
      if (active && isActivePlayback(active)) {
        if (!request.replaceActive) {
          throw new DomainError('PLAYBACK_ALREADY_ACTIVE', 'audio already playing in agent session', {
            conference: session.conference?.number ?? '',
            serverIp: session.serverIp,
          });
        }
        replaced = await stopPlaybackNow(ctx, uow, active, { releaseDedicatedCall: false });
      }
      const playback: Playback = {
        id: newPlaybackId(agentOwner(session.agentId), ctx.ids),
        agentId: session.agentId,
        callId: null,
        target: null,
        media: media.uri,
        requestedName: media.name,
        state: 'pending',
        finishCause: null,
        offsetMs: Math.max(0, Math.round(request.offsetMs ?? 0)),
        playedMs: 0,
        resumedAt: null,
        createdAt: now,
        startedAt: null,
        finishedAt: null,
        continues: null,
      };

      const placed = await placePlayback(ctx, uow, session, replaced);
      if (placed.kind === 'target') {
        const started: Playback = { ...playback, target: placed.target, callId: placed.callId };
        await tx.playbacks.insert(started);
        // Audio the engine refuses never started: it ends without a word to
        // clients (none was said of its start), and the command reports the refusal.
        uow.engine.command('play', async () => {
          if (placed.target.kind === 'bridge') await ctx.pbx.ensureBridge(placed.target.bridgeId, 'mixing');
          await ctx.pbx.play({ playbackId: started.id, target: placed.target, media: started.media, offsetMs: started.offsetMs || undefined });
        }, { onFailure: (next) => endUnstartedPlayback(next, started.id) });
        return { playback: started, replaced, session };
      }
      // The agent's phone is rung; the media starts when it is answered (flows/agent-playback-call).
      const pending: Playback = { ...playback, callId: placed.callId };
      await tx.playbacks.insert(pending);
      session = placed.session;
      if (placed.ring) ringAgentPhone(ctx, uow, placed.ring.leg);
      return { playback: pending, replaced, session };
    }),
  );
}

type Placement =
  | { kind: 'target'; target: PlaybackTarget; callId: string | null }
  /** `ring`: a new call to the agent's phone, to be originated once the playback is recorded. */
  | { kind: 'awaiting_answer'; callId: string; session: AgentSession; ring: { call: Call; leg: Leg } | null };

async function placePlayback(ctx: CoreContext, uow: UnitOfWork, session: AgentSession, replaced: Playback | null): Promise<Placement> {
  const { tx, now } = uow;
  if (session.conference) return { kind: 'target', target: { kind: 'bridge', bridgeId: session.conference.bridgeId }, callId: null };
  if (replaced?.callId) {
    // The replaced audio had its own call to the agent's phone: the new audio takes it over.
    if (replaced.target) return { kind: 'target', target: replaced.target, callId: replaced.callId };
    return { kind: 'awaiting_answer', callId: replaced.callId, session, ring: null };
  }
  if (session.currentCallId) {
    // No audio is active (that was refused or replaced above), so an unfinished
    // one is finishing: its phone is being released, and new audio would be cut
    // off by that release or outlive the call.
    if ((await tx.playbacks.listUnfinishedForCall(session.currentCallId)).length > 0) {
      throw new DomainError('AGENT_BUSY', 'the agent is in a call that cannot take audio now');
    }
    const legs = await tx.calls.legsOf(session.currentCallId);
    const agentLeg = legs.find((leg) => leg.role === 'agent' && leg.state === 'up');
    if (agentLeg) return { kind: 'target', target: { kind: 'leg', legId: agentLeg.id }, callId: session.currentCallId };
    throw new DomainError('AGENT_BUSY', 'the agent is in a call that cannot take audio now');
  }
  if (!session.device) throw new DomainError('AGENT_HAS_NO_DEVICE', `agent ${session.agentId} has no phone to ring`);

  const call = newCall(
    {
      id: newCallId(ctx.ids, session.agentId),
      purpose: 'agent_playback',
      progress: { stage: 'ringing_agent' },
      agentId: session.agentId,
      fromNumber: '',
      toNumber: session.phoneNumber || session.device,
      origin: { dialect: session.loginVia, operation: 'agent_playback', apiUserId: null },
    },
    now,
  );
  const leg = newLeg(call, 1, 'agent', session.device, { number: '', name: 'Playback' }, now);
  const busy = startCall(session, call.id, now);
  await tx.calls.insert(call);
  await tx.calls.insertLeg(leg);
  await tx.sessions.update(busy);
  uow.publish({ type: 'AgentStateChanged', agentId: session.agentId, from: session.state, to: 'in_call', reason: 'playback', at: now });
  return { kind: 'awaiting_answer', callId: call.id, session: busy, ring: { call, leg } };
}

/**
 * Rings the agent's phone. An engine that refuses to call it (an unregistered
 * phone) is not the client's error: the playback is accepted and fails the
 * way an unanswered phone does (the gateway gives up on the leg), so clients
 * see the documented failure sequence. An engine that is away is an error.
 */
function ringAgentPhone(ctx: CoreContext, uow: UnitOfWork, leg: Leg): void {
  dialLeg(ctx, uow, leg, { what: 'ring agent phone', timeoutSec: ctx.config.agentRingTimeoutSec, flow: agentPlaybackCall, refusal: 'ordinary' });
}

async function endUnstartedPlayback(uow: UnitOfWork, playbackId: string): Promise<void> {
  const playback = await uow.tx.playbacks.get(playbackId);
  if (playback && playback.state === 'pending') await uow.tx.playbacks.update({ ...playback, state: 'finished', finishCause: 'failed', finishedAt: uow.now });
}
