import type { DomainEvent } from '../events/domain-event';
import type { StoreTransaction } from '../ports/store';
import type { CoreContext } from './context';
import { isRefusal, requireEngine, toDomainError } from './engine';

/** One transaction, the events it makes true, and the engine commands it decided on. */
export interface UnitOfWork {
  readonly tx: StoreTransaction;
  /** The time of this unit of work, read once so every row it writes agrees. */
  readonly now: Date;
  publish(event: DomainEvent): void;
  /**
   * Engine commands this unit of work decided on. They are sent after the
   * transaction commits, never while it holds a connection and row locks;
   * what they answer is recorded by a later unit of work.
   */
  readonly engine: EngineCommands;
  /**
   * Work to start once this unit of work committed and its engine commands
   * went out (another owner's work, queued there: it is not waited for).
   */
  afterCommit(start: () => void): void;
}

/** Work recorded in a unit of work of its own, after the engine answered. */
export type FollowUp = (uow: UnitOfWork) => Promise<void>;

export interface EngineCommandOptions {
  /**
   * Records what a refusal means (the leg was never dialled, the audio never
   * played), in a new unit of work. Also runs when an earlier command of the
   * same unit failed, so this one was never sent.
   */
  onFailure?: FollowUp;
  /** A refusal is an ordinary outcome (a leg gone before it could be bridged): `onFailure` records it and no error is reported. */
  refusalIsOrdinary?: boolean;
}

/** The engine commands of one unit of work, in the order they were decided. */
export interface EngineCommands {
  /**
   * A command whose failure matters: refused at once (rolling the unit of
   * work back) while the engine is away; after the commit, its failure stops
   * the commands decided after it and is reported to whoever ran the unit of
   * work. `send` may answer a follow-up that records what the engine said.
   */
  command(what: string, send: () => Promise<FollowUp | void>, options?: EngineCommandOptions): void;
  /** Clean-up whose failure is logged and changes nothing else (reconciliation tidies up). */
  bestEffort(what: string, send: () => Promise<unknown>): void;
}

interface EngineStep {
  what: string;
  bestEffort: boolean;
  send: () => Promise<FollowUp | void>;
  options: EngineCommandOptions;
}

/**
 * Runs `work` in one store transaction; the events it publishes are projected
 * by every dialect before the commit, so a state change, its CDR and its
 * callbacks are stored together or not at all.
 *
 * Then the engine commands the work decided on are sent, in order, with no
 * connection held; what they answered (a channel's name, a refusal) is
 * recorded in one new unit of work, which may decide on more commands. Run
 * inside the owner's queue, so the engine's events about those commands are
 * handled only once their outcomes are recorded. A crash between the commit
 * and the commands, or between their answers and the next commit, leaves
 * intents (legs never dialled, channels not yet named) that reconciliation
 * settles on start.
 */
export async function inTransaction<T>(ctx: CoreContext, work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
  let steps: EngineStep[] = [];
  let afterwards: Array<() => void> = [];
  const result = await ctx.store.transaction(async (tx) => {
    // A transaction the store retries starts again with no commands decided.
    steps = [];
    afterwards = [];
    const events: DomainEvent[] = [];
    const engine: EngineCommands = {
      command(what, send, options = {}) {
        requireEngine(ctx, what);
        steps.push({ what, bestEffort: false, send, options });
      },
      bestEffort(what, send) {
        steps.push({ what, bestEffort: true, send: async () => void (await send()), options: {} });
      },
    };
    const uow: UnitOfWork = {
      tx,
      now: ctx.clock.now(),
      publish: (event) => void events.push(event),
      engine,
      afterCommit: (start) => void afterwards.push(start),
    };
    const value = await work(uow);
    // Projector by projector, each seeing the events in order.
    for (const projector of ctx.projectors) {
      if (!('projectAll' in projector)) for (const event of events) await projector.project(event, tx);
      else if (events.length > 0) await projector.projectAll(events, tx);
    }
    return value;
  });
  try {
    if (steps.length === 0) return result;
    const { followUps, failure } = await sendEngineCommands(ctx, steps);
    if (followUps.length > 0) {
      await inTransaction(ctx, async (uow) => {
        for (const followUp of followUps) await followUp(uow);
      });
    }
    if (failure) throw failure;
    return result;
  } finally {
    // The unit of work committed whatever the engine said afterwards.
    for (const start of afterwards) start();
  }
}

async function sendEngineCommands(ctx: CoreContext, steps: readonly EngineStep[]): Promise<{ followUps: FollowUp[]; failure: Error | null }> {
  const followUps: FollowUp[] = [];
  let stopped = false;
  let failure: Error | null = null;
  for (const step of steps) {
    // Clean-up still goes out after a failure: its rows already say it was asked for.
    if (stopped && !step.bestEffort) {
      if (step.options.onFailure) followUps.push(step.options.onFailure);
      continue;
    }
    if (step.bestEffort && !ctx.pbx.isAvailable()) {
      ctx.logger.warn('telephony engine unavailable; clean-up left to reconciliation', { what: step.what });
      continue;
    }
    try {
      const followUp = await step.send();
      if (followUp) followUps.push(followUp);
    } catch (raw) {
      const error = toDomainError(raw, step.what);
      if (step.bestEffort) {
        ctx.logger.warn('telephony clean-up failed', { what: step.what, error: error.message });
        continue;
      }
      stopped = true;
      if (step.options.onFailure) followUps.push(step.options.onFailure);
      if (step.options.refusalIsOrdinary && isRefusal(error)) {
        ctx.logger.warn('the engine refused a command; its outcome is recorded', { what: step.what, error: error.message });
      } else {
        failure = error;
      }
    }
  }
  return { followUps, failure };
}
