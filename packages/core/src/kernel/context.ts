import type { CoreConfig } from '../config/core-config';
import type { ApiUser } from '../directory/directory';
import type { DomainEvent } from '../events/domain-event';
import type { CallbackTransport } from '../ports/callback-transport';
import type { Clock } from '../ports/clock';
import type { CoreLogger } from '../ports/core-logger';
import type { IdSource } from '../ports/id-source';
import type { Pbx } from '../ports/pbx';
import type { SecretHasher } from '../ports/secret-hasher';
import type { SoundStore } from '../ports/sound-store';
import type { Store, StoreTransaction } from '../ports/store';
import type { Timers } from '../ports/timers';
import type { CredentialCache } from '../credentials/credential-cache';
import type { OwnerQueue } from './owner-queue';
import type { DialectVocabulary, Vocabulary } from './vocabulary';

/** Asks for the engine's state to be read again (an engine event or timer could not be handled). */
export interface ResyncRequests {
  request(reason: string): void;
  /** Reads the engine's state now (after a (re)connection). */
  reconcileNow(): Promise<void>;
}

/**
 * Timers of calls (a voice menu waiting for a key): when one fires, the
 * call's flow hears of it through the call owner's queue, like an engine event.
 */
export interface CallTimers {
  schedule(callId: string, timer: string, ms: number): void;
}

/** Offers queued calls to agents (queues/distribution-pass.ts), made where the core is composed. */
export interface QueueDistribution {
  /** Starts offering the calls waiting in the agent's queues; not waited for. */
  offerWaitingCallsTo(agentId: string): void;
}

/**
 * Numbers agents queued to dial by hand: after a disposition, the agent's
 * next number is dialled by a command of its own, queued behind the one
 * that freed the agent. Reached through the context because placing a call
 * needs the call flows, which end in dispositions.
 */
export interface ManualDialQueueing {
  agentMayBeFree(agentId: string): void;
}

/**
 * Agents' timer actions (agents/timer-action.ts): armed for the agent's
 * call, carried out in the agent's queue when due. Reached through the
 * context because carrying one out may dial a third party, which needs the
 * call flows that arm it.
 */
export interface TimerActionScheduling {
  arm(agentId: string, callId: string, ms: number): void;
}

/**
 * Turns domain events into a dialect's own notices (poll-queue messages,
 * callback rows) inside the transaction that produced them.
 */
export type DomainEventProjector = EachEventProjector | TransactionEventsProjector;

export interface EachEventProjector {
  readonly name: string;
  project(event: DomainEvent, tx: StoreTransaction): Promise<void>;
}

/** Projects all the events of one transaction at once (one write for all of them); called only when there are some. */
export interface TransactionEventsProjector {
  readonly name: string;
  projectAll(events: readonly DomainEvent[], tx: StoreTransaction): Promise<void>;
}

/** Everything the core needs from outside, passed in so tests swap any of it. */
export interface CoreDeps {
  store: Store;
  pbx: Pbx;
  clock: Clock;
  ids: IdSource;
  timers: Timers;
  hasher: SecretHasher;
  callbacks: CallbackTransport;
  logger: CoreLogger;
  config: CoreConfig;
  /** The sound prompts the engine plays by name. */
  sounds: SoundStore;
  projectors: readonly DomainEventProjector[];
  /** The words every dialect (and the server) registered. */
  vocabulary: readonly DialectVocabulary[];
}

export interface CoreContext extends CoreDeps {
  queue: OwnerQueue;
  credentials: CredentialCache<ApiUser>;
  resync: ResyncRequests;
  callTimers: CallTimers;
  distribution: QueueDistribution;
  manualDials: ManualDialQueueing;
  timerActions: TimerActionScheduling;
  words: Vocabulary;
}
