import type { ApiLogEntry } from './api-log/api-log';
import type { Clock } from './ports/clock';
import type { CoreContext, CoreDeps } from './kernel/context';
import { CredentialCache } from './credentials/credential-cache';
import { OwnerQueue } from './kernel/owner-queue';
import type { TrackWork } from './kernel/tracked-work';
import { ResyncScheduler } from './kernel/resync-scheduler';
import { Vocabulary } from './kernel/vocabulary';
import { handlePbxEvent } from './calls/engine-events';
import { reconcileWithPbx } from './calls/reconciliation';
import { scheduleCallTimer } from './calls/call-timers';
import { scheduleTimerAction } from './transfers/timer-action-due';
import { dialQueuedIfFree } from './leads/manual-dial-queue-commands';
import { callbackDelivery } from './outbox/callback-delivery';
import { distributionPasses } from './queues/distribution-pass';
import { agentCommands, type AgentCommands } from './agents/agent-commands';
import { callCommands, type CallCommands } from './calls/call-commands';
import { VoiceBroadcastPacer } from './calls/voice-broadcast-batch';
import { credentialCommands, type CredentialCommands } from './credentials/credential-commands';
import { directoryQueries, type DirectoryQueries } from './directory/directory-queries';
import { phoneCommands, type PhoneCommands } from './directory/phones/phone-commands';
import { playbackCommands, type PlaybackCommands } from './playback/playback-commands';
import { queueQueries, type QueueQueries } from './queues/queue-queries';
import { didCommands, type DidCommands } from './queues/did-commands';
import { leadCommands, type LeadCommands } from './leads/lead-commands';
import { recordingCommands, type RecordingCommands } from './recording/recording-commands';
import { transferCommands, type TransferCommands } from './transfers/transfer-commands';
import { supervisionCommands, type SupervisionCommands } from './supervision/supervision-commands';
import { statusQueries, type StatusQueries } from './status/live-counts';

/** What runs the core itself: its clock, background work and records, start and idle. */
export interface CoreRuntime {
  readonly clock: Clock;
  deliverDueCallbacks(): Promise<number>;
  recordApiRequest(entry: ApiLogEntry): Promise<void>;
  /** Starts handling engine events; call once. */
  start(): void;
  /** Resolves once every queued command and event has been handled. */
  idle(): Promise<void>;
}

/**
 * The call-control core as the dialects and the server see it: every
 * capability's commands and queries, with their dependencies bound. Dialects
 * translate their wire format to these calls and the answers (or
 * `DomainError`s) back; a piece of code that needs one capability can ask for
 * that interface alone.
 */
export interface CallControl
  extends CredentialCommands,
    AgentCommands,
    PlaybackCommands,
    RecordingCommands,
    CallCommands,
    TransferCommands,
    SupervisionCommands,
    DirectoryQueries,
    PhoneCommands,
    QueueQueries,
    DidCommands,
    LeadCommands,
    StatusQueries,
    CoreRuntime {}

/** An owner queue whose every piece of work `idle()` waits for, including work started by timers. */
class TrackedOwnerQueue extends OwnerQueue {
  constructor(private readonly track: TrackWork) {
    super();
  }

  override run<T>(owner: string, work: () => Promise<T>): Promise<T> {
    return this.track(super.run(owner, work));
  }
}

export function createCallControl(deps: CoreDeps): CallControl {
  const inFlight = new Set<Promise<unknown>>();
  const track: TrackWork = (work) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work)).catch(() => undefined);
    return work;
  };
  // Without the engine there is nothing to read: its reconnection reconciles anyway.
  const resync = new ResyncScheduler(() => (deps.pbx.isAvailable() ? track(reconcileWithPbx(ctx)) : Promise.resolve()), deps.timers, deps.logger);
  const ctx: CoreContext = {
    ...deps,
    queue: new TrackedOwnerQueue(track),
    credentials: new CredentialCache(deps.config.credentialCacheMs),
    resync: { request: (reason) => resync.request(reason), reconcileNow: () => reconcileWithPbx(ctx) },
    callTimers: { schedule: (callId, timer, ms) => scheduleCallTimer(ctx, callId, timer, ms) },
    distribution: distributionPasses(() => ctx),
    manualDials: { agentMayBeFree: (agentId) => dialQueuedIfFree(ctx, agentId) },
    timerActions: { arm: (agentId, callId, ms) => scheduleTimerAction(ctx, agentId, callId, ms) },
    words: new Vocabulary(deps.vocabulary),
  };
  // Started with the core: batches a previous run left waiting are dialled on.
  const broadcasts = new VoiceBroadcastPacer(ctx, track);
  const delivery = callbackDelivery(ctx);
  let started = false;

  return {
    ...credentialCommands(ctx),
    ...agentCommands(ctx, track),
    ...playbackCommands(ctx, track),
    ...recordingCommands(ctx, track),
    ...callCommands(ctx, track, broadcasts),
    ...transferCommands(ctx, track),
    ...supervisionCommands(ctx, track),
    ...directoryQueries(ctx),
    ...phoneCommands(ctx),
    ...queueQueries(ctx, track),
    ...didCommands(ctx, track),
    ...leadCommands(ctx, track),
    ...statusQueries(ctx),
    clock: deps.clock,
    deliverDueCallbacks: () => delivery.deliverDue(),
    recordApiRequest: (entry) => deps.store.apiLog.append(entry),
    start() {
      if (started) return;
      started = true;
      deps.pbx.onEvent((event) => {
        void track(handlePbxEvent(ctx, event)).catch((error: unknown) =>
          deps.logger.error('engine event lost', { event: event.type, error: String(error) }),
        );
      });
      broadcasts.resume();
    },
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
