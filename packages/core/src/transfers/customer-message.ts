import type { CallOf } from '../calls/call';
import { playInto } from '../calls/call-primitives';
import { hangupOtherLegs } from '../calls/leg-hangup';
import type { CoreContext } from '../kernel/context';
import { newPlaybackId } from '../kernel/ids';
import type { UnitOfWork } from '../kernel/unit-of-work';
import type { ResolvedMedia } from '../playback/media-resolution';
import type { Playback } from '../playback/playback';
import type { AgentCall } from './agent-call';
import { agentLeavesCall } from './agent-leaves';
import { connectedCustomer } from './agent-call';

/**
 * Leaves the customer with a message (VICIdial's voicemail drop): the agent
 * leaves the call, the message plays to the customer alone in the call's
 * bridge, and the call ends when it is over (flows/agent-customer-call), or
 * at once when the engine cannot play it.
 */
export async function leaveMessage(ctx: CoreContext, uow: UnitOfWork, { session, call, legs }: AgentCall, media: ResolvedMedia): Promise<CallOf<'agent_customer'>> {
  const customer = connectedCustomer(legs);
  const left = await agentLeavesCall(ctx, uow, session, call, legs);
  const target = { kind: 'leg' as const, legId: customer.id };
  const playback: Playback = {
    id: newPlaybackId(call.id, ctx.ids),
    agentId: null,
    callId: call.id,
    target,
    media: media.uri,
    requestedName: media.name,
    state: 'pending',
    finishCause: null,
    offsetMs: 0,
    playedMs: 0,
    resumedAt: null,
    createdAt: uow.now,
    startedAt: null,
    finishedAt: null,
    continues: null,
  };
  await uow.tx.playbacks.insert(playback);
  playInto(ctx, uow, playback.id, target, playback.media, {
    what: 'play message to customer',
    whenRefused: async (next) => {
      const current = await next.tx.playbacks.get(playback.id);
      if (current && current.state !== 'finished') await next.tx.playbacks.update({ ...current, state: 'finished', finishCause: 'failed', finishedAt: next.now });
      await hangupOtherLegs(ctx, next, await next.tx.calls.legsOf(call.id), null);
    },
  });
  return left;
}
