import type { Phone } from '../network/network';
import { resolveNumber, type ResolvedRule } from '../network/number-rules';
import type { Channel } from './channel';
import { receiveDtmf } from './dtmf';
import { requestHangup } from './hangup';
import type { OutboundCall } from './outbound-call';
import type { World } from './world';

/** A SIP provisional or final response takes a moment to come back. */
const SIP_RESPONSE_MS = 20;
const FAR_END_DTMF_MS = 100;

const postAnswer = new WeakMap<Channel, ResolvedRule>();

/**
 * Plays the far end of an outgoing PJSIP call: a phone rings and answers by
 * itself (or waits for the control API), is busy or is unreachable; a trunk
 * number follows the first matching number rule.
 */
export function startPjsipCall(world: World, channel: Channel, call: OutboundCall, target: { phone: Phone } | { number: string; trunk: string }): void {
  const later = (ms: number, task: () => void): void => {
    channel.farTimers.push(world.after(ms, task));
  };
  if ('phone' in target) {
    const phone = target.phone;
    if (phone.busy) {
      later(SIP_RESPONSE_MS, () => call.failedByFarEnd(17));
      return;
    }
    later(SIP_RESPONSE_MS, () => call.ringing());
    if (phone.answerAfterMs !== null) later(SIP_RESPONSE_MS + phone.answerAfterMs, () => answerFromFarEnd(world, channel));
    return;
  }
  const rule = resolveNumber(world.network.rulesSnapshot(), target.number, target.trunk);
  if (rule.ringMs > 0 || rule.outcome === 'noanswer') later(SIP_RESPONSE_MS, () => call.ringing());
  const decideAt = SIP_RESPONSE_MS + rule.ringMs;
  switch (rule.outcome) {
    case 'noanswer':
      return;
    case 'answer':
      postAnswer.set(channel, rule);
      later(decideAt, () => answerFromFarEnd(world, channel));
      return;
    default:
      later(decideAt, () => call.failedByFarEnd(rule.cause));
  }
}

/** The far end picks up (200 OK); a number rule may then hang up or press keys later. */
export function answerFromFarEnd(world: World, channel: Channel): boolean {
  const call = channel.outbound;
  if (!call || channel.destroyed) return false;
  call.answered();
  const rule = postAnswer.get(channel);
  if (!rule) return true;
  if (rule.dtmf) {
    let at = rule.dtmfAfterMs;
    for (const digit of rule.dtmf) {
      channel.farTimers.push(world.after(at + FAR_END_DTMF_MS, () => receiveDtmf(world, channel, digit, FAR_END_DTMF_MS)));
      at += FAR_END_DTMF_MS + rule.dtmfGapMs;
    }
  }
  if (rule.hangupAfterMs !== undefined) {
    channel.farTimers.push(world.after(rule.hangupAfterMs, () => requestHangup(world, channel, { kind: 'remote', cause: 16 })));
  }
  return true;
}
