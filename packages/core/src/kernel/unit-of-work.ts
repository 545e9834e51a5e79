import type { DomainEvent } from '../events/domain-event';
import type { StoreTransaction } from '../ports/store';
import type { CoreContext } from './context';

/** One transaction and the events it makes true. */
export interface UnitOfWork {
  readonly tx: StoreTransaction;
  /** The time of this unit of work, read once so every row it writes agrees. */
  readonly now: Date;
  publish(event: DomainEvent): void;
}

/**
 * Runs `work` in one store transaction; the events it publishes are projected
 * by every dialect before the commit, so a state change, its CDR and its
 * callbacks are stored together or not at all.
 */
export async function inTransaction<T>(ctx: CoreContext, work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
  return ctx.store.transaction(async (tx) => {
    const events: DomainEvent[] = [];
    const uow: UnitOfWork = { tx, now: ctx.clock.now(), publish: (event) => void events.push(event) };
    const result = await work(uow);
    for (const event of events) {
      for (const projector of ctx.projectors) await projector.project(event, tx);
    }
    return result;
  });
}
