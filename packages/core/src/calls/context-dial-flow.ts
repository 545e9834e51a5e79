import { newLeg } from './call-factory';
import { completeCallIfOver, lockOngoing, recordLegAnswered } from './call-lifecycle';
import { dialLeg } from './call-primitives';
import type { CallFlow } from './call-flow';
import { hangupLeg } from './leg-hangup';

/** The number dialled is the call's first leg (calls/context-dial); the hangup context's Local channel its second. */
export const DIALLED_ORDINAL = 1;
const HANGUP_CONTEXT_ORDINAL = 2;
/** How long the hangup context's Local channel may take to answer, if its dialplan answers at all. */
const HANGUP_CONTEXT_RING_SEC = 60;

/**
 * A number dialled into a dialplan context: once answered, the leg leaves
 * the gateway's application and runs `context` at the number dialled (the
 * engine still reports its end, which ends the call). Not answered, busy or
 * failed, the call goes to `hangupContext` when one was given: a Local
 * channel `Local/<number>@<hangupContext>` runs it, as a leg of the same
 * call, so that the call's one CDR covers it; its end ends the call.
 */
export const contextDialCall: CallFlow<'context_dial'> = {
  async onLegAnswered(ctx, uow, call, leg) {
    await recordLegAnswered(uow, call, leg);
    const current = await lockOngoing(uow, call);
    if (!current || leg.role === 'third_party') return call;
    const inContext = { ...current, state: 'answered' as const, answeredAt: uow.now, progress: { ...current.progress, stage: 'in_context' as const } };
    await uow.tx.calls.update(inContext);
    const target = { context: current.progress.context, extension: current.toNumber };
    uow.engine.command('continue in context', () => ctx.pbx.continueInDialplan(leg.id, target), {
      // A leg the engine would not send on has nothing to do: it is hung up, which ends the call.
      onFailure: (next) => hangupLeg(ctx, next, leg.id),
      refusalIsOrdinary: true,
    });
    return inContext;
  },

  async onLegEnded(ctx, uow, call, leg, legs) {
    const unanswered = leg.role === 'destination' && leg.answeredAt === null;
    const current = await lockOngoing(uow, call);
    if (unanswered && current && current.progress.hangupContext !== null && current.progress.stage === 'dialing') {
      const hangupContext = current.progress.hangupContext;
      const runner = newLeg(current, HANGUP_CONTEXT_ORDINAL, 'third_party', `Local/${current.toNumber}@${hangupContext}`, { number: leg.callerNumber, name: '' }, uow.now, {
        dialedNumber: current.toNumber,
      });
      await uow.tx.calls.insertLeg(runner);
      await uow.tx.calls.update({ ...current, progress: { ...current.progress, stage: 'in_hangup_context' } });
      dialLeg(ctx, uow, runner, { what: 'run hangup context', timeoutSec: HANGUP_CONTEXT_RING_SEC, flow: contextDialCall, refusal: 'ordinary' });
      return current;
    }
    return (await completeCallIfOver(ctx, uow, current ?? call, legs)) ?? call;
  },
};
