/** One priority of an extension: an application and its (already expanded) arguments. */
export interface DialplanStep {
  app: string;
  data: string;
}

type ContextBuilder = (exten: string, context: string) => DialplanStep[];

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

export function contextExists(context: string): boolean {
  return Object.prototype.hasOwnProperty.call(CONTEXTS, context);
}

/** The steps of exten@context, or undefined when the dialplan has no such extension. */
export function extensionSteps(context: string, exten: string): DialplanStep[] | undefined {
  // `_X.`: a digit, then one character or more.
  if (!contextExists(context) || !/^[0-9]./.test(exten)) return undefined;
  const build = CONTEXTS[context];
  return build ? build(exten, context) : undefined;
}
