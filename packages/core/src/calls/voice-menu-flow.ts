import type { Extension } from '../directory/directory';
import type { CallOf, Leg } from './call';
import type { VoiceMenuEnd, VoiceMenuProgress } from './call-progress';
import { playToLeg } from '../playback/leg-playback';
import { recordCallAudioEnded, stopCallAudio } from '../playback/call-audio';
import { newLeg } from './call-factory';
import { completeCallIfOver, lockOngoing, recordLegAnswered } from './call-lifecycle';
import { bridgeLeg, ringTogether } from './call-primitives';
import { hangupOtherLegs } from './leg-hangup';
import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { callBridgeId } from '../kernel/ids';
import type { CallFlow } from './call-flow';
import { extensionHandedOnLegEnded, extensionThirdPartyAnswered } from '../transfers/extension-third-party';

/**
 * A voice menu: the gateway calls a number, plays audio when it answers, and
 * on the configured key (or, with no key configured, when the audio ends)
 * rings every extension of a group; the first to answer gets the caller.
 * A wrong key, no key in time, or nobody answering ends the call. The
 * member that answered may hand the caller on (transfers/): the caller and
 * the third party are then the two sides.
 */
export const voiceMenuCall: CallFlow<'voice_menu'> = {
  async onLegAnswered(ctx, uow, call, leg) {
    if (leg.role === 'third_party') return extensionThirdPartyAnswered(ctx, uow, call, leg);
    if (leg.role === 'member' && call.progress.stage !== 'transferring') return releaseLateMember(ctx, uow, call, leg);
    const answered = await recordLegAnswered(uow, call, leg);
    if (leg.role === 'customer') return startMenu(ctx, uow, call, answered);
    return memberAnswered(ctx, uow, call, answered);
  },

  async onLegDtmf(ctx, uow, call, leg, digit) {
    const { stage, transferKey: key } = call.progress;
    if (leg.role !== 'customer' || (stage !== 'playing' && stage !== 'awaiting_key')) return call;
    if (call.progress.pressedKey !== null) return call;
    const pressed = withProgress(call, { pressedKey: digit });
    await uow.tx.calls.update(pressed);
    if (key === '') return pressed;
    const playing = await uow.tx.playbacks.activeForCall(call.id);
    if (playing) await stopCallAudio(ctx, uow, playing);
    if (digit === key) return transfer(ctx, uow, pressed, leg);
    return endMenu(ctx, uow, pressed, 'wrong_key');
  },

  async onPlaybackEnded(ctx, uow, call, playback, outcome) {
    await recordCallAudioEnded(uow, call.id, playback, outcome);
    if (call.progress.stage !== 'playing') return call;
    if (outcome === 'failed') return endMenu(ctx, uow, call, 'media_failed');
    if (call.progress.transferKey === '') return transfer(ctx, uow, call, await customerLeg(uow, call));
    const waiting = withProgress(call, { stage: 'awaiting_key' });
    await uow.tx.calls.update(waiting);
    ctx.callTimers.schedule(call.id, 'key_wait', ctx.config.voiceMenuKeyWaitMs);
    return waiting;
  },

  async onTimer(ctx, uow, call, timer) {
    if (timer !== 'key_wait' || call.progress.stage !== 'awaiting_key') return call;
    return endMenu(ctx, uow, call, 'no_key');
  },

  async onLegEnded(ctx, uow, call, leg, legs) {
    let current = call;
    if (call.progress.extensionLeft) {
      current = await extensionHandedOnLegEnded(ctx, uow, call, leg, legs);
    } else if (leg.role === 'customer') {
      await hangupOtherLegs(ctx, uow, legs, null);
    } else if (call.progress.stage === 'connected' && call.progress.answeredBy === leg.id) {
      await hangupOtherLegs(ctx, uow, legs, null);
    } else if (call.progress.stage === 'transferring' && legs.every((other) => other.role === 'customer' || other.state === 'ended')) {
      current = await endMenu(ctx, uow, call, 'nobody_answered');
    }
    return (await completeCallIfOver(ctx, uow, current)) ?? current;
  },
};

type VoiceMenuCall = CallOf<'voice_menu'>;

/** The menu with its progress moved on. */
function withProgress(call: VoiceMenuCall, change: Partial<VoiceMenuProgress>): VoiceMenuCall {
  return { ...call, progress: { ...call.progress, ...change } };
}

async function startMenu(ctx: CoreContext, uow: UnitOfWork, call: VoiceMenuCall, customer: Leg): Promise<VoiceMenuCall> {
  const playing = { ...withProgress(call, { stage: 'playing' }), state: 'answered' as const, answeredAt: uow.now };
  await uow.tx.calls.update(playing);
  await playToLeg(ctx, uow, call.id, customer.id, { uri: call.progress.media, name: call.progress.mediaName }, {
    what: 'play voice menu',
    afterRefusal: async (next) => {
      ctx.logger.warn('voice menu audio could not start', { callId: call.id });
      const menu = await lockOngoing(next, call);
      if (menu) await endMenu(ctx, next, menu, 'media_failed');
    },
  });
  return playing;
}

/**
 * Puts the caller into the call's bridge with ringing tone, then rings every
 * member of the group at once (ring-all); the first to answer gets the caller.
 */
async function transfer(ctx: CoreContext, uow: UnitOfWork, call: VoiceMenuCall, customer: Leg | null): Promise<VoiceMenuCall> {
  const group = await uow.tx.extensionGroups.get(call.progress.groupName);
  const members: Extension[] = [];
  for (const id of group?.extensionIds ?? []) {
    const extension = await uow.tx.extensions.get(id);
    if (extension) members.push(extension);
  }
  if (!group || !customer || members.length === 0) return endMenu(ctx, uow, call, 'nobody_to_ring');
  const bridgeId = callBridgeId(call.id);
  const transferring = { ...withProgress(call, { stage: 'transferring' }), bridgeId };
  await uow.tx.calls.update(transferring);
  bridgeLeg(ctx, uow, bridgeId, customer.id, {
    what: 'bridge caller',
    whenGone: (next) => endMenuOf(ctx, next, call.id, 'caller_gone'),
    then: async (next) => {
      next.engine.bestEffort('ringing tone', () => ctx.pbx.setRinging(customer.id, true));
      const current = await lockOngoing(next, call);
      if (!current || current.progress.stage !== 'transferring') return;
      let ordinal = (await next.tx.calls.legsOf(call.id)).length;
      const rung = members.map((extension) => {
        ordinal += 1;
        return newLeg(current, ordinal, 'member', extension.endpoint, { number: current.toNumber, name: '' }, next.now, {
          dialedNumber: extension.internalNumber,
          account: { kind: 'extension', id: extension.id },
        });
      });
      for (const member of rung) await next.tx.calls.insertLeg(member);
      ringTogether(ctx, next, rung, {
        what: 'ring group members',
        timeoutSec: group.ringTimeoutSec,
        refused: (later, notRung) => membersNotRung(ctx, later, call.id, rung, notRung),
      });
    },
  });
  return transferring;
}

/** Members the engine would not ring end at once; when none was rung, the menu ends. */
async function membersNotRung(ctx: CoreContext, uow: UnitOfWork, callId: string, members: readonly Leg[], notRung: readonly Leg[]): Promise<void> {
  for (const member of notRung) {
    const current = await uow.tx.calls.getLeg(member.id);
    if (current && current.state !== 'ended') await uow.tx.calls.updateLeg({ ...current, state: 'ended', endedAt: uow.now, cause: 0, causeText: 'Unknown' });
  }
  if (notRung.length === members.length) await endMenuOf(ctx, uow, callId, 'nobody_to_ring');
}

/**
 * A member whose phone answered after another one got the caller (or after
 * the menu ended) lost the race: the engine has it up, but it never had the
 * call, so it is released without a LegAnswered. Listeners (the extension
 * status callbacks) see it ring and end, as a member that did not answer.
 */
async function releaseLateMember(ctx: CoreContext, uow: UnitOfWork, call: VoiceMenuCall, member: Leg): Promise<VoiceMenuCall> {
  const up: Leg = { ...member, state: 'up', answeredAt: uow.now };
  await uow.tx.calls.updateLeg(up);
  await hangupOtherLegs(ctx, uow, [up], null);
  return call;
}

async function memberAnswered(ctx: CoreContext, uow: UnitOfWork, call: VoiceMenuCall, member: Leg): Promise<VoiceMenuCall> {
  const extension = member.account ? await uow.tx.extensions.get(member.account.id) : null;
  const connected = { ...withProgress(call, { stage: 'connected', answeredBy: member.id }), extension: extension?.internalNumber ?? member.dialedNumber };
  await uow.tx.calls.update(connected);
  const bridgeId = call.bridgeId ?? callBridgeId(call.id);
  bridgeLeg(ctx, uow, bridgeId, member.id, {
    what: 'bridge member',
    create: false,
    whenGone: (next) => endMenuOf(ctx, next, call.id, 'transfer_failed'),
    then: async (next) => {
      const legs = await next.tx.calls.legsOf(call.id);
      const customer = legs.find((leg) => leg.role === 'customer');
      if (customer) next.engine.bestEffort('stop ringing tone', () => ctx.pbx.setRinging(customer.id, false));
      await hangupOtherLegs(ctx, next, legs.filter((leg) => leg.role === 'member'), member.id);
    },
  });
  return connected;
}

/** The gateway ends the menu: every leg goes and the gateway is who hung up. */
async function endMenu(ctx: CoreContext, uow: UnitOfWork, call: VoiceMenuCall, why: VoiceMenuEnd): Promise<VoiceMenuCall> {
  const ended = { ...withProgress(call, { stage: why }), hangupSide: call.hangupSide ?? ('system' as const) };
  await uow.tx.calls.update(ended);
  await hangupOtherLegs(ctx, uow, await uow.tx.calls.legsOf(call.id), null);
  return ended;
}

/** Ends the menu as it stands now, in a unit of work after an engine answer. */
async function endMenuOf(ctx: CoreContext, uow: UnitOfWork, callId: string, why: VoiceMenuEnd): Promise<void> {
  const call = await uow.tx.calls.lock(callId);
  if (call?.purpose === 'voice_menu' && call.state !== 'ended') await endMenu(ctx, uow, call, why);
}

async function customerLeg(uow: UnitOfWork, call: VoiceMenuCall): Promise<Leg | null> {
  return (await uow.tx.calls.legsOf(call.id)).find((leg) => leg.role === 'customer' && leg.state !== 'ended') ?? null;
}
