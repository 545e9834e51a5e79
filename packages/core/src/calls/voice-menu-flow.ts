import type { Call, Leg } from './call';
import type { Playback } from '../playback/playback';
import { newLeg } from './call-factory';
import { completeCallIfOver, hangupOtherLegs, recordLegAnswered } from './call-lifecycle';
import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { bridgeUnlessGone, pbxBestEffort, pbxCommand } from '../kernel/engine';
import { callBridgeId, newPlaybackId } from '../kernel/ids';
import type { CallFlow } from './call-flow';

/**
 * A voice menu: the gateway calls a number, plays audio when it answers, and
 * on the configured key (or, with no key configured, when the audio ends)
 * rings every extension of a group; the first to answer gets the caller.
 * A wrong key, no key in time, or nobody answering ends the call.
 *
 * Settings live in `call.data`: `transferKey`, `groupName`, `media`, and what
 * happened: `userKey`.
 */
export const voiceMenuCall: CallFlow = {
  async onLegAnswered(ctx, uow, call, leg) {
    const answered = await recordLegAnswered(uow, call, leg);
    if (leg.role === 'customer') return startMenu(ctx, uow, call, answered);
    return memberAnswered(ctx, uow, call, answered);
  },

  async onLegDtmf(ctx, uow, call, leg, digit) {
    if (leg.role !== 'customer' || (call.stage !== 'playing' && call.stage !== 'awaiting_key')) return call;
    if (typeof call.data.userKey === 'string') return call;
    const key = String(call.data.transferKey ?? '');
    const pressed: Call = { ...call, data: { ...call.data, userKey: digit } };
    await uow.tx.calls.update(pressed);
    if (key === '') return pressed;
    const playing = await uow.tx.playbacks.activeForCall(call.id);
    if (playing) await stopMenuAudio(ctx, uow, playing);
    if (digit === key) return transfer(ctx, uow, pressed, leg);
    return endMenu(ctx, uow, pressed, 'wrong_key');
  },

  async onPlaybackEnded(ctx, uow, call, playback, outcome) {
    await uow.tx.playbacks.update({ ...playback, state: 'finished', finishCause: outcome, finishedAt: uow.now });
    uow.publish({ type: 'PlaybackFinished', playbackId: playback.id, agentId: null, callId: call.id, cause: outcome, at: uow.now });
    if (call.stage !== 'playing') return call;
    if (outcome === 'failed') return endMenu(ctx, uow, call, 'media_failed');
    const key = String(call.data.transferKey ?? '');
    if (key === '') return transfer(ctx, uow, call, await customerLeg(uow, call));
    const waiting: Call = { ...call, stage: 'awaiting_key' };
    await uow.tx.calls.update(waiting);
    ctx.callTimers.schedule(call.id, 'key_wait', ctx.config.voiceMenuKeyWaitMs);
    return waiting;
  },

  async onTimer(ctx, uow, call, timer) {
    if (timer !== 'key_wait' || call.stage !== 'awaiting_key') return call;
    return endMenu(ctx, uow, call, 'no_key');
  },

  async onLegEnded(ctx, uow, call, leg, legs) {
    let current = call;
    if (leg.role === 'customer') {
      await hangupOtherLegs(ctx, uow, legs, null);
    } else if (call.stage === 'connected' && call.data.answeredBy === leg.id) {
      await hangupOtherLegs(ctx, uow, legs, null);
    } else if (call.stage === 'transferring' && legs.every((other) => other.role === 'customer' || other.state === 'ended')) {
      current = await endMenu(ctx, uow, call, 'nobody_answered');
    }
    return (await completeCallIfOver(ctx, uow, current)) ?? current;
  },
};

async function startMenu(ctx: CoreContext, uow: UnitOfWork, call: Call, customer: Leg): Promise<Call> {
  const playing: Call = { ...call, state: 'answered', stage: 'playing', answeredAt: uow.now };
  await uow.tx.calls.update(playing);
  const target = { kind: 'leg' as const, legId: customer.id };
  const playback: Playback = {
    id: newPlaybackId(call.id, ctx.ids),
    agentId: null,
    callId: call.id,
    target,
    media: String(call.data.media ?? ''),
    requestedName: String(call.data.mediaName ?? ''),
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
  try {
    await pbxCommand(ctx, 'play voice menu', () => ctx.pbx.play({ playbackId: playback.id, target, media: playback.media }));
  } catch (error) {
    ctx.logger.warn('voice menu audio could not start', { callId: call.id, error: String(error) });
    await uow.tx.playbacks.update({ ...playback, state: 'finished', finishCause: 'failed', finishedAt: uow.now });
    return endMenu(ctx, uow, playing, 'media_failed');
  }
  return playing;
}

async function transfer(ctx: CoreContext, uow: UnitOfWork, call: Call, customer: Leg | null): Promise<Call> {
  const group = await uow.tx.extensionGroups.get(String(call.data.groupName ?? ''));
  const members = [];
  for (const id of group?.extensionIds ?? []) {
    const extension = await uow.tx.extensions.get(id);
    if (extension) members.push(extension);
  }
  if (!customer || members.length === 0) return endMenu(ctx, uow, call, 'nobody_to_ring');
  const bridgeId = callBridgeId(call.id);
  const transferring: Call = { ...call, stage: 'transferring', bridgeId };
  await uow.tx.calls.update(transferring);
  await pbxCommand(ctx, 'create transfer bridge', () => ctx.pbx.ensureBridge(bridgeId, 'mixing'));
  if (!(await bridgeUnlessGone(ctx, 'bridge caller', bridgeId, customer.id))) return endMenu(ctx, uow, transferring, 'caller_gone');
  await pbxBestEffort(ctx, 'ringing tone', () => ctx.pbx.setRinging(customer.id, true));
  const existing = await uow.tx.calls.legsOf(call.id);
  let ordinal = existing.length;
  let rung = 0;
  const rungLegs = members.map((extension) => {
    ordinal += 1;
    return newLeg(transferring, ordinal, 'member', extension.endpoint, { number: call.toNumber, name: '' }, uow.now, {
      dialedNumber: extension.internalNumber,
      account: { kind: 'extension', id: extension.id },
    });
  });
  for (const member of rungLegs) await uow.tx.calls.insertLeg(member);
  // Every member rings at once (ring-all), and the transaction waits for one engine round trip, not one per member.
  const outcomes = await Promise.allSettled(
    rungLegs.map((member) =>
      ctx.pbx.originate({ legId: member.id, endpoint: member.endpoint, callerId: { number: call.toNumber }, timeoutSec: group!.ringTimeoutSec }),
    ),
  );
  for (const [index, outcome] of outcomes.entries()) {
    const member = rungLegs[index]!;
    if (outcome.status === 'fulfilled') {
      await uow.tx.calls.updateLeg({ ...member, channelName: outcome.value.channelName, context: outcome.value.context });
      rung += 1;
    } else {
      ctx.logger.warn('could not ring group member', { callId: call.id, extension: member.dialedNumber, error: String(outcome.reason) });
      await uow.tx.calls.updateLeg({ ...member, state: 'ended', endedAt: uow.now, cause: 0, causeText: 'Unknown' });
    }
  }
  if (rung === 0) return endMenu(ctx, uow, transferring, 'nobody_to_ring');
  return transferring;
}

async function memberAnswered(ctx: CoreContext, uow: UnitOfWork, call: Call, member: Leg): Promise<Call> {
  if (call.stage !== 'transferring') {
    await hangupOtherLegs(ctx, uow, [member], null);
    return call;
  }
  const extension = member.account ? await uow.tx.extensions.get(member.account.id) : null;
  const connected: Call = {
    ...call,
    stage: 'connected',
    extension: extension?.internalNumber ?? member.dialedNumber,
    data: { ...call.data, answeredBy: member.id },
  };
  await uow.tx.calls.update(connected);
  const bridgeId = call.bridgeId ?? callBridgeId(call.id);
  if (!(await bridgeUnlessGone(ctx, 'bridge member', bridgeId, member.id))) return endMenu(ctx, uow, connected, 'transfer_failed');
  const legs = await uow.tx.calls.legsOf(call.id);
  const customer = legs.find((leg) => leg.role === 'customer');
  if (customer) await pbxBestEffort(ctx, 'stop ringing tone', () => ctx.pbx.setRinging(customer.id, false));
  await hangupOtherLegs(ctx, uow, legs.filter((leg) => leg.role === 'member'), member.id);
  return connected;
}

async function stopMenuAudio(ctx: CoreContext, uow: UnitOfWork, playback: Playback): Promise<void> {
  await uow.tx.playbacks.update({ ...playback, state: 'finished', finishCause: 'stopped', finishedAt: uow.now });
  await pbxBestEffort(ctx, 'stop voice menu audio', () => ctx.pbx.stopPlayback(playback.id));
  uow.publish({ type: 'PlaybackFinished', playbackId: playback.id, agentId: null, callId: playback.callId, cause: 'stopped', at: uow.now });
}

/** The gateway ends the menu: every leg goes and the gateway is who hung up. */
async function endMenu(ctx: CoreContext, uow: UnitOfWork, call: Call, why: string): Promise<Call> {
  const ended: Call = { ...call, stage: why, hangupSide: call.hangupSide ?? 'system' };
  await uow.tx.calls.update(ended);
  await hangupOtherLegs(ctx, uow, await uow.tx.calls.legsOf(call.id), null);
  return ended;
}

async function customerLeg(uow: UnitOfWork, call: Call): Promise<Leg | null> {
  return (await uow.tx.calls.legsOf(call.id)).find((leg) => leg.role === 'customer' && leg.state !== 'ended') ?? null;
}
