import type { NumberOutcome, NumberRule } from '../options';

/** The hang-up cause each failure outcome ends a call with, as chan_pjsip maps the SIP final response. */
const OUTCOME_CAUSES: Readonly<Record<Exclude<NumberOutcome, 'answer' | 'noanswer'>, number>> = {
  busy: 17, // 486 Busy Here
  congestion: 34, // 503 Service Unavailable
  rejected: 21, // 603 Decline
  unallocated: 1, // 404 Not Found
  unavailable: 19, // 480 Temporarily Unavailable
  absent: 20, // subscriber absent
  failure: 38, // 500 Server Internal Error
};

export const DEFAULT_ANSWER_RING_MS = 300;

export interface ResolvedRule {
  outcome: NumberOutcome;
  ringMs: number;
  cause: number;
  hangupAfterMs?: number;
  dtmf?: string;
  dtmfAfterMs: number;
  dtmfGapMs: number;
}

export function validateRules(rules: readonly NumberRule[]): NumberRule[] {
  return rules.map((rule) => {
    if (typeof rule.match !== 'string') throw new Error('number rule needs a match pattern');
    new RegExp(`^(?:${rule.match})$`);
    if (!['answer', 'noanswer', ...Object.keys(OUTCOME_CAUSES)].includes(rule.outcome)) {
      throw new Error(`unknown number rule outcome ${String(rule.outcome)}`);
    }
    return { ...rule };
  });
}

/** First matching rule for a number dialled through a trunk; a number no rule matches is unallocated. */
export function resolveNumber(rules: readonly NumberRule[], number: string, trunk: string): ResolvedRule {
  const rule = rules.find((r) => (r.trunk === undefined || r.trunk === trunk) && new RegExp(`^(?:${r.match})$`).test(number));
  if (!rule) return { outcome: 'unallocated', ringMs: 0, cause: 1, dtmfAfterMs: 500, dtmfGapMs: 300 };
  const cause =
    rule.cause ??
    (rule.outcome === 'answer' ? 16 : rule.outcome === 'noanswer' ? 19 : OUTCOME_CAUSES[rule.outcome]);
  return {
    outcome: rule.outcome,
    ringMs: rule.ringMs ?? (rule.outcome === 'answer' ? DEFAULT_ANSWER_RING_MS : 0),
    cause,
    hangupAfterMs: rule.hangupAfterMs,
    dtmf: rule.dtmf,
    dtmfAfterMs: rule.dtmfAfterMs ?? 500,
    dtmfGapMs: rule.dtmfGapMs ?? 300,
  };
}
