/**
 * What one step does to a modelled state: the answer a client would get,
 * the notices it would produce, and steps it sets off that the system runs
 * later by itself (an engine event caused by the command).
 */
export interface StepEffect<S> {
  state: S;
  outcome: string;
  events: readonly string[];
  follows: ReadonlyArray<ModelStep<S>>;
}

export interface ModelStep<S> {
  label: string;
  run(state: S): StepEffect<S>;
}

/** A command sent in parallel with others, and the outcome its answer showed. */
export interface ObservedCommand<S> {
  step: ModelStep<S>;
  outcome: string;
}

export interface SequentialOrder<S> {
  /** Labels of the commands and of the steps they set off, in the order found. */
  order: string[];
  final: S;
  events: string[];
}

/**
 * Looks for one sequential order of the commands (and of the engine steps
 * they set off, each placed anywhere after its cause) in which every command
 * gets the outcome it was actually answered with and after which `accepts`
 * holds for the final state and the notices produced. Brute force: rounds
 * are a handful of commands.
 */
export function findSequentialOrder<S>(
  initial: S,
  commands: ReadonlyArray<ObservedCommand<S>>,
  accepts: (final: S, events: readonly string[]) => boolean,
): SequentialOrder<S> | null {
  const search = (state: S, left: ReadonlyArray<ObservedCommand<S>>, pending: ReadonlyArray<ModelStep<S>>, order: string[], events: string[]): SequentialOrder<S> | null => {
    if (left.length === 0 && pending.length === 0) return accepts(state, events) ? { order, final: state, events } : null;
    for (const [index, command] of left.entries()) {
      const effect = command.step.run(state);
      if (effect.outcome !== command.outcome) continue;
      const found = search(
        effect.state,
        [...left.slice(0, index), ...left.slice(index + 1)],
        [...pending, ...effect.follows],
        [...order, `${command.step.label} → ${command.outcome}`],
        [...events, ...effect.events],
      );
      if (found) return found;
    }
    for (const [index, step] of pending.entries()) {
      const effect = step.run(state);
      const found = search(
        effect.state,
        left,
        [...pending.slice(0, index), ...pending.slice(index + 1), ...effect.follows],
        [...order, `(${step.label})`],
        [...events, ...effect.events],
      );
      if (found) return found;
    }
    return null;
  };
  return search(initial, commands, [], [], []);
}

/** Whether `part` is contained in `whole`, counting repeats. */
export function isSubMultiset(part: readonly string[], whole: readonly string[]): boolean {
  const counts = new Map<string, number>();
  for (const item of whole) counts.set(item, (counts.get(item) ?? 0) + 1);
  for (const item of part) {
    const left = counts.get(item) ?? 0;
    if (left === 0) return false;
    counts.set(item, left - 1);
  }
  return true;
}

export const sameMultiset = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && isSubMultiset(a, b);
