import type { CallOf } from '../calls/call';
import { hangupLeg } from '../calls/leg-hangup';
import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';

type InboundCall = CallOf<'inbound'>;

/**
 * The last argument of a queue dial (transfers/queue-third-party.ts) whose
 * dialplan half is answered only once an agent takes it: the other half,
 * the third party of the dialling agent's call, answers then too, so a
 * transfer waiting for its target learns when an agent has it.
 */
export const ANSWER_WHEN_TAKEN = 'taken';

/** Answers a queued call's caller; a caller gone before the answer ends by its own event, the hang-up makes sure. */
export function answerCaller(ctx: CoreContext, uow: UnitOfWork, legId: string): void {
  uow.engine.command('answer caller', () => ctx.pbx.answer(legId), { refusalIsOrdinary: true, onFailure: (next) => hangupLeg(ctx, next, legId) });
}

/**
 * A queued call an agent takes: one whose caller still waits unanswered
 * (ANSWER_WHEN_TAKEN) is answered now, before its caller is bridged. The
 * call as it stands afterwards (not yet stored).
 */
export function answerWhenTaken(ctx: CoreContext, uow: UnitOfWork, call: InboundCall): InboundCall {
  if (call.answeredAt !== null) return call;
  answerCaller(ctx, uow, call.progress.callerLegId);
  return { ...call, state: 'answered', answeredAt: uow.now };
}

/**
 * Whether a waiting call is for one named agent and still unanswered (a
 * success transfer to that agent): nobody else may take it, so once that
 * agent cannot, it ends rather than wait, and the transfer fails at once.
 */
export const waitsForNamedAgentOnly = (call: InboundCall): boolean => call.answeredAt === null && (call.progress.forAgentId ?? null) !== null;

/** Ends such a call unanswered: its caller is hung up (the call ends with that leg). The call as it stands afterwards. */
export async function giveUpOnNamedAgent(ctx: CoreContext, uow: UnitOfWork, call: InboundCall): Promise<InboundCall> {
  const ended: InboundCall = { ...call, hangupSide: call.hangupSide ?? 'system', progress: { ...call.progress, stage: 'not_answered' } };
  await uow.tx.calls.update(ended);
  await hangupLeg(ctx, uow, call.progress.callerLegId);
  return ended;
}
