import {
  createCallControl,
  defaultCoreConfig,
  type CallControl,
  type CoreConfig,
  type DomainEvent,
  type DomainEventProjector,
  type DialectVocabulary,
  type DomainEventType,
  type PbxEvent,
  noSoundStore,
} from '@pbx-gateway/core';
import { FakeHasher } from './fake-hasher';
import { ScriptablePbx } from './scriptable-pbx';
import { FakeClock, FakeTimers } from './fake-time';
import { seed, type Directory } from './fixtures';
import { InMemoryStore } from './in-memory-store';
import { RecordingCallbackTransport } from './recording-callbacks';
import { RecordingLogger } from './recording-logger';
import { SequentialIds } from './sequential-ids';

/** The words the core's tests sign agents in with and issue tokens of (each dialect registers its own). */
const TEST_VOCABULARY: DialectVocabulary[] = [
  { loginChannels: ['vicidial', 'voipsun', 'ccgateway', 'sipcall', 'provisioning'], apiRealms: ['vicidial', 'voipsun', 'sipcall'], tokenKinds: ['sipcall-token', 'ccgateway-guid'] },
];

export type TestConfig = Partial<Omit<CoreConfig, 'media' | 'outbox' | 'lockout'>> & {
  media?: Partial<CoreConfig['media']>;
  outbox?: Partial<CoreConfig['outbox']>;
  lockout?: Partial<CoreConfig['lockout']>;
};

export interface TestCoreOptions {
  config?: TestConfig;
  /** Projectors run after the one that records events. */
  projectors?: DomainEventProjector[];
  directory?: Directory;
  /** The words of the dialects under test (login channels, realms, token kinds); by default those of all four. */
  vocabulary?: DialectVocabulary[];
  /** Where the fake clock starts (START_TIME by default). */
  startAt?: Date;
}

/** The core wired to doubles, with the helpers tests use to play the engine's part. */
export interface TestCore {
  core: CallControl;
  store: InMemoryStore;
  pbx: ScriptablePbx;
  clock: FakeClock;
  timers: FakeTimers;
  ids: SequentialIds;
  hasher: FakeHasher;
  callbacks: RecordingCallbackTransport;
  logger: RecordingLogger;
  config: CoreConfig;
  /** Every domain event whose transaction committed, in commit order. */
  events: DomainEvent[];
  /** Engine commands sent while a store transaction was open (there should be none). */
  engineCommandsInTransaction: string[];

  /** Waits until every command, engine event and fired timer has been handled. */
  settle(): Promise<void>;
  /** Delivers an engine event and waits until it has been handled. */
  emit(event: PbxEvent): Promise<void>;
  /** A call comes in on `did` from `callerNumber`, sent by the dialplan as `Stasis(app,inbound,<did>)`, on the engine's channel `legId`. */
  callIn(legId: string, did: string, callerNumber?: string): Promise<void>;
  ring(legId: string): Promise<void>;
  answer(legId: string): Promise<void>;
  /** The engine reports the end of a leg (normal clearing unless told otherwise). */
  endLeg(legId: string, cause?: number, causeText?: string): Promise<void>;
  /** The engine confirms every hangup the gateway asked for. */
  confirmHangups(): Promise<void>;
  dtmf(legId: string, digit: string): Promise<void>;
  playbackStarted(playbackId: string): Promise<void>;
  playbackFinished(playbackId: string, outcome?: 'done' | 'failed'): Promise<void>;
  /** Moves the clock (firing due timers) and waits for what they started. */
  advance(ms: number): Promise<void>;
  /** The recorded event types, optionally only those of `types`. */
  eventTypes(...types: DomainEventType[]): DomainEventType[];
  /** Returns the recorded events and forgets them. */
  takeEvents(): DomainEvent[];
  /** A new gateway process on the same store, engine and clock; the old one stops listening and its timers die. */
  restartGateway(): TestCore;
}

export function testConfig(overrides: TestConfig = {}): CoreConfig {
  return {
    ...defaultCoreConfig,
    ...overrides,
    media: { ...defaultCoreConfig.media, ...overrides.media },
    outbox: { ...defaultCoreConfig.outbox, ...overrides.outbox },
    lockout: { ...defaultCoreConfig.lockout, ...overrides.lockout },
  };
}

export async function createTestCore(options: TestCoreOptions = {}): Promise<TestCore> {
  const clock = new FakeClock(options.startAt);
  const timers = new FakeTimers(clock);
  const store = new InMemoryStore({ timers });
  if (options.directory) await seed(store.direct, options.directory);
  return wire({
    clock,
    timers,
    store,
    pbx: new ScriptablePbx(),
    ids: new SequentialIds(),
    hasher: new FakeHasher(),
    callbacks: new RecordingCallbackTransport(),
    logger: new RecordingLogger(),
    config: testConfig(options.config),
    events: [],
    projectors: options.projectors ?? [],
    vocabulary: options.vocabulary ?? TEST_VOCABULARY,
  });
}

interface Parts {
  clock: FakeClock;
  timers: FakeTimers;
  store: InMemoryStore;
  pbx: ScriptablePbx;
  ids: SequentialIds;
  hasher: FakeHasher;
  callbacks: RecordingCallbackTransport;
  logger: RecordingLogger;
  config: CoreConfig;
  events: DomainEvent[];
  projectors: DomainEventProjector[];
  vocabulary: DialectVocabulary[];
}

function wire(parts: Parts): TestCore {
  const { clock, timers, store, pbx, ids, hasher, callbacks, logger, config, events } = parts;
  const recorder: DomainEventProjector = {
    name: 'test-recorder',
    async project(event, tx) {
      store.afterCommit(tx, () => events.push(event));
    },
  };
  const core = createCallControl({
    store,
    pbx,
    clock,
    ids,
    timers,
    hasher,
    callbacks,
    logger,
    config,
    sounds: noSoundStore,
    projectors: [recorder, ...parts.projectors],
    vocabulary: parts.vocabulary,
  });
  core.start();
  const engineCommandsInTransaction: string[] = [];
  pbx.onCommand = (name) => {
    if (store.openTransactions > 0) engineCommandsInTransaction.push(name);
  };

  pbx.clock = clock;
  // What the far ends do happens here, between the gateway's own work, so that tests never race the engine.
  const settle = async (): Promise<void> => {
    await core.idle();
    while (pbx.hasReactions()) {
      pbx.deliverReactions();
      await core.idle();
    }
  };
  const emit = async (event: PbxEvent): Promise<void> => {
    pbx.emit(event);
    await settle();
  };
  const at = (): Date => clock.now();

  const testCore: TestCore = {
    core,
    store,
    pbx,
    clock,
    timers,
    ids,
    hasher,
    callbacks,
    logger,
    config,
    events,
    engineCommandsInTransaction,
    settle,
    emit,
    async callIn(legId, did, callerNumber = '5550100') {
      const channelName = `PJSIP/upc-${legId.replace(/\D/g, '').slice(-8).padStart(8, '0')}`;
      pbx.arrive(legId, channelName);
      await emit({ type: 'leg_arrived', legId, channelName, callerNumber, callerName: '', dialed: did, args: ['inbound', did], at: at() });
    },
    ring: (legId) => emit({ type: 'leg_ringing', legId, at: at() }),
    answer: (legId) => emit({ type: 'leg_answered', legId, at: at() }),
    endLeg: (legId, cause = 16, causeText = 'Normal Clearing') => emit({ type: 'leg_ended', legId, cause, causeText, at: at() }),
    async confirmHangups() {
      for (;;) {
        const ending = pbx.endingLegs();
        if (ending.length === 0) return;
        for (const legId of ending) pbx.emit({ type: 'leg_ended', legId, cause: 16, causeText: 'Normal Clearing', at: at() });
        await settle();
      }
    },
    dtmf: (legId, digit) => emit({ type: 'leg_dtmf', legId, digit, durationMs: 100, at: at() }),
    playbackStarted: (playbackId) => emit({ type: 'playback_started', playbackId, at: at() }),
    playbackFinished: (playbackId, outcome = 'done') => emit({ type: 'playback_finished', playbackId, outcome, at: at() }),
    async advance(ms) {
      clock.advance(ms);
      await settle();
    },
    eventTypes: (...types) => events.map((event) => event.type).filter((type) => types.length === 0 || types.includes(type)),
    takeEvents: () => events.splice(0, events.length),
    restartGateway() {
      timers.dispose();
      pbx.removeAllListeners();
      return wire({ ...parts, timers: new FakeTimers(clock) });
    },
  };
  return testCore;
}
