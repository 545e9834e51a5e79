/** One priority of an extension: an application and its (already expanded) arguments. */
export interface DialplanStep {
  app: string;
  data: string;
}

type ContextBuilder = (exten: string, context: string) => DialplanStep[];

/** Reads a channel variable while a step's arguments are expanded (`${NAME}`); unset: empty. */
export type VariableLookup = (name: string) => string | undefined;

/**
 * The simulated extensions.conf. Every extension of these contexts runs the
 * same steps (Asterisk's `_X.` patterns); the `oracle-*` contexts are the
 * ones the golden ARI traces were recorded against:
 *   oracle-answer  NoOp, Answer, Echo (# ends it), Hangup
 *   oracle-wait    Answer, Wait(3600)
 *   oracle-ring    Ringing, Wait(60)
 *   oracle-busy    Busy(5)
 * plus `oracle-congestion` (Congestion(5)), `oracle-stasis` (NoOp,
 * Stasis(diff,<exten>,second), Hangup) and `demo-playback` (Answer,
 * Playback(hello-world), Hangup).
 * The gateway's own contexts (docker/asterisk/extensions.conf) are in
 * EXACT_CONTEXTS: they have the one extension `s`.
 */
const CONTEXTS: Readonly<Record<string, ContextBuilder>> = {
  'oracle-answer': (exten, context) => [
    { app: 'NoOp', data: `${context} ${exten}` },
    { app: 'Answer', data: '' },
    { app: 'Echo', data: '' },
    { app: 'Hangup', data: '' },
  ],
  'oracle-wait': () => [
    { app: 'Answer', data: '' },
    { app: 'Wait', data: '3600' },
  ],
  'oracle-ring': () => [
    { app: 'Ringing', data: '' },
    { app: 'Wait', data: '60' },
  ],
  'oracle-busy': () => [{ app: 'Busy', data: '5' }],
  'oracle-congestion': () => [{ app: 'Congestion', data: '5' }],
  // Enters the application `diff` from the dialplan, with the extension and a fixed word as arguments.
  'oracle-stasis': (exten) => [
    { app: 'NoOp', data: '' },
    { app: 'Stasis', data: `diff,${exten},second` },
    { app: 'Hangup', data: '' },
  ],
  'demo-playback': () => [
    { app: 'Answer', data: '' },
    { app: 'Playback', data: 'hello-world' },
    { app: 'Hangup', data: '' },
  ],
};

/**
 * `gateway-queue`: a consultative dial to a queue. The gateway originates
 * `Local/s@gateway-queue` with the queue, the lead, the agent asked for,
 * the caller and when to answer as variables of the `;1` half, which the `;2` half inherits:
 * Stasis(pbx-gateway,queue,${GATEWAY_QUEUE},${GATEWAY_LEAD},${GATEWAY_AGENT},${GATEWAY_CALLER},${GATEWAY_ANSWER}), Hangup.
 */
const EXACT_CONTEXTS: Readonly<Record<string, Readonly<Record<string, readonly DialplanStep[]>>>> = {
  'gateway-queue': {
    s: [
      { app: 'Stasis', data: 'pbx-gateway,queue,${GATEWAY_QUEUE},${GATEWAY_LEAD},${GATEWAY_AGENT},${GATEWAY_CALLER},${GATEWAY_ANSWER}' },
      { app: 'Hangup', data: '' },
    ],
  },
};

const has = (table: object, key: string): boolean => Object.prototype.hasOwnProperty.call(table, key);

export function contextExists(context: string): boolean {
  return has(CONTEXTS, context) || has(EXACT_CONTEXTS, context);
}

/**
 * The steps of exten@context, or undefined when the dialplan has no such
 * extension; `${NAME}` in their arguments reads the channel's variables
 * as Asterisk substitutes them before running the application.
 */
export function extensionSteps(context: string, exten: string, variable: VariableLookup = () => undefined): DialplanStep[] | undefined {
  const exact = has(EXACT_CONTEXTS, context) ? EXACT_CONTEXTS[context]! : undefined;
  if (exact) {
    const steps = has(exact, exten) ? exact[exten] : undefined;
    return steps?.map((step) => ({ app: step.app, data: step.data.replace(/\$\{(\w+)\}/g, (_, name: string) => variable(name) ?? '') }));
  }
  // `_X.`: a digit, then one character or more.
  if (!contextExists(context) || !/^[0-9]./.test(exten)) return undefined;
  const build = CONTEXTS[context];
  return build ? build(exten, context) : undefined;
}
