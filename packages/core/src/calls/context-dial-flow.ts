import type { CallOf, Leg } from './call';
import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { newLeg } from './call-factory';
import { completeCallIfOver, lockOngoing, recordLegAnswered } from './call-lifecycle';
import { bridgeLeg, dialLeg } from './call-primitives';
import type { CallFlow } from './call-flow';
import { hangupLeg, hangupOtherLegs } from './leg-hangup';
import { callBridgeId } from '../kernel/ids';
import { startCallRecording } from '../recording/call-recording-start';

/** The number dialled is the call's first leg (calls/context-dial); the context's Local channel its second, the hangup context's its third. */
export const DIALLED_ORDINAL = 1;
const CONTEXT_ORDINAL = 2;
const HANGUP_CONTEXT_ORDINAL = 3;
/** How long a context's Local channel may take to answer, if its dialplan answers at all. */
const CONTEXT_RING_SEC = 60;

/**
 * A number dialled into a dialplan context. A channel originated into the
 * application has no dialplan to go back to (Asterisk hangs it up on
 * `continue`), so the context runs on a Local channel instead:
 * `Local/<number>@<context>`, whose dialplan half runs the context while
 * the other half is bridged with the answered number. Either side ending
 * ends the other. Not answered, busy or failed, `hangupContext` (when given)
 * runs the same way on `Local/<number>@<hangupContext>`, with nobody to
 * bridge to. Every channel is a leg of the one call, which keeps one CDR.
 */
export const contextDialCall: CallFlow<'context_dial'> = {
  async onLegAnswered(ctx, uow, call, leg) {
    const answered = await recordLegAnswered(uow, call, leg);
    if (leg.role === 'third_party') {
      // The hangup context's channel has no one to hear; its dialplan runs by itself.
      if (call.progress.stage !== 'in_context' || !call.bridgeId) return call;
      bridgeLeg(ctx, uow, call.bridgeId, leg.id, { what: 'bridge context', create: false, whenGone: (next) => hangupLeg(ctx, next, leg.id) });
      return call;
    }
    const bridgeId = callBridgeId(call.id);
    bridgeLeg(ctx, uow, bridgeId, answered.id, {
      what: 'bridge dialled number',
      whenGone: (next) => hangupLeg(ctx, next, leg.id),
      then: async (next) => {
        const current = await lockOngoing(next, call);
        if (!current) return;
        const inContext = { ...current, state: 'answered' as const, answeredAt: next.now, bridgeId, progress: { ...current.progress, stage: 'in_context' as const } };
        await next.tx.calls.update(inContext);
        await runContext(ctx, next, inContext, CONTEXT_ORDINAL, current.progress.context, leg);
        if (inContext.progress.recording) await startCallRecording(ctx, next, inContext, inContext.progress.recording);
      },
    });
    return call;
  },

  async onLegEnded(ctx, uow, call, leg, legs) {
    const current = await lockOngoing(uow, call);
    const unanswered = leg.role === 'destination' && leg.answeredAt === null;
    if (unanswered && current && current.progress.hangupContext !== null && current.progress.stage === 'dialing') {
      const inHangupContext = { ...current, progress: { ...current.progress, stage: 'in_hangup_context' as const } };
      await uow.tx.calls.update(inHangupContext);
      await runContext(ctx, uow, inHangupContext, HANGUP_CONTEXT_ORDINAL, current.progress.hangupContext, leg);
      return inHangupContext;
    }
    await hangupOtherLegs(ctx, uow, legs, null);
    return (await completeCallIfOver(ctx, uow, current ?? call, legs)) ?? call;
  },
};

/** Starts `context` at the number dialled on a Local channel, a leg of the call. */
async function runContext(
  ctx: CoreContext,
  uow: UnitOfWork,
  call: CallOf<'context_dial'>,
  ordinal: number,
  context: string,
  dialled: Leg,
): Promise<void> {
  const runner = newLeg(call, ordinal, 'third_party', `Local/${call.toNumber}@${context}`, { number: dialled.callerNumber, name: '' }, uow.now, {
    dialedNumber: call.toNumber,
  });
  await uow.tx.calls.insertLeg(runner);
  dialLeg(ctx, uow, runner, { what: `run context ${context}`, timeoutSec: CONTEXT_RING_SEC, flow: contextDialCall, refusal: 'ordinary' });
}
