import type { AccessToken } from '../credentials/access-token';
import type { Agent, AgentSession } from '../agents/agent';
import type { AgentStateSpan, AgentStateSpanSearch } from '../agents/agent-state-span';
import type { AgentNotificationRepository } from '../agents/notification';
import type { LiveAgentReader } from '../agents/live-agent';
import type { AccessTokenKind, ApiRealm, LoginChannel } from '../kernel/vocabulary';
import type { ApiLogEntry } from '../api-log/api-log';
import type { Call, CallOf, Leg, LiveChannel } from '../calls/call';
import type { Cdr, CdrSearch, NewCdr } from '../calls/cdr';
import type { ApiUser, Extension, ExtensionGroup, Trunk, TrunkRoute } from '../directory/directory';
import type { Phone, PhoneAlias } from '../directory/phones/phone';
import type { UserGroupRepository } from '../directory/user-group';
import type { AdminKeyRepository } from '../credentials/admin-key';
import type { Queue, QueueMembership, QueueSettings } from '../queues/queue';
import type { DidRepository } from '../queues/did';
import type { NewOutboxMessage, OutboxMessage } from '../outbox/outbox';
import type { Playback } from '../playback/playback';
import type { Recording, RecordingSearch } from '../recording/recording';
import type { JsonValue } from '../kernel/json';
import type { EventLogRepository } from '../events/event-log';
import type { VoiceBroadcastQueueRepository } from '../calls/voice-broadcast-queue';
import type { WebhookSubscriptionRepository } from '../events/webhook-subscription';
import type {
  CallbackArchiveRepository,
  CallbackRepository,
  CampaignRepository,
  DncRepository,
  GroupAliasRepository,
  SettingsContainerRepository,
  CallMenuRepository,
  VoicemailBoxRepository,
  TimeZoneRepository,
  CallTimeRepository,
  HopperRepository,
  LeadCallRepository,
  LeadArchiveRepository,
  LeadListRepository,
  LeadRepository,
  ListCustomFieldRepository,
  LeadStatusRepository,
  ManualDialQueueRepository,
  VoicemailMessageRepository,
  MultiDialRequestRepository,
} from './lead-repositories';
import type { PageRequest } from './page-request';

export type { PageRequest } from './page-request';

/**
 * Everything the gateway remembers. A transaction sees one consistent state
 * and commits all of its writes or none; `lock` reads take a row lock held
 * until the transaction ends.
 */
export interface Store {
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T>;
  /** The same repositories outside any transaction: each call stands alone. */
  readonly direct: StoreTransaction;
  readonly mailboxSignals: MailboxSignals;
  readonly apiLog: ApiLogWriter;
  close(): Promise<void>;
}

export interface StoreTransaction {
  readonly apiUsers: ApiUserRepository;
  readonly userGroups: UserGroupRepository;
  readonly agents: AgentRepository;
  readonly sessions: AgentSessionRepository;
  /** The log of agents' state spans, which the sessions' writes keep. */
  readonly agentStateSpans: AgentStateSpanRepository;
  /** Logged-in agents with their session, lead and call, read together. */
  readonly liveAgents: LiveAgentReader;
  readonly extensions: ExtensionRepository;
  readonly extensionGroups: ExtensionGroupRepository;
  readonly phones: PhoneRepository;
  readonly phoneAliases: PhoneAliasRepository;
  readonly trunks: TrunkRepository;
  readonly queues: QueueRepository;
  /** Public numbers, where their calls go, and the log of the calls that reached them. */
  readonly dids: DidRepository;
  readonly calls: CallRepository;
  readonly playbacks: PlaybackRepository;
  readonly recordings: RecordingRepository;
  readonly cdrs: CdrRepository;
  readonly mailbox: MailboxRepository;
  readonly outbox: OutboxRepository;
  readonly tokens: AccessTokenRepository;
  readonly campaigns: CampaignRepository;
  readonly leadLists: LeadListRepository;
  /** Lists' own fields and the values leads hold in them. */
  readonly listCustomFields: ListCustomFieldRepository;
  readonly leads: LeadRepository;
  /** Leads moved out of the dialer's leads, kept to be read or brought back. */
  readonly leadArchive: LeadArchiveRepository;
  readonly leadStatuses: LeadStatusRepository;
  readonly callbacks: CallbackRepository;
  /** Callbacks removed, or of leads deleted or archived. */
  readonly callbackArchive: CallbackArchiveRepository;
  readonly dnc: DncRepository;
  readonly leadCalls: LeadCallRepository;
  readonly groupAliases: GroupAliasRepository;
  readonly settingsContainers: SettingsContainerRepository;
  readonly callMenus: CallMenuRepository;
  readonly voicemailBoxes: VoicemailBoxRepository;
  /** Phone and postal codes: numbers' time zones. */
  readonly timeZones: TimeZoneRepository;
  readonly callTimes: CallTimeRepository;
  readonly manualDialQueue: ManualDialQueueRepository;
  /** Leads queued for dialling, per campaign. */
  readonly hopper: HopperRepository;
  readonly voicemailMessages: VoicemailMessageRepository;
  readonly multiDialRequests: MultiDialRequestRepository;
  readonly notifications: AgentNotificationRepository;
  readonly eventLog: EventLogRepository;
  readonly adminKeys: AdminKeyRepository;
  /** Numbers of batches of played calls waiting to be dialled. */
  readonly voiceBroadcasts: VoiceBroadcastQueueRepository;
  readonly webhooks: WebhookSubscriptionRepository;
}

export interface ApiUserRepository {
  findByLogin(realm: ApiRealm, login: string): Promise<ApiUser | null>;
  get(id: string): Promise<ApiUser | null>;
  /** A page of the accounts, by id. */
  list(page: PageRequest): Promise<ApiUser[]>;
  reserveLoginAttempt(id: string, at: Date, policy: LockoutPolicy): Promise<boolean>;
  releaseLoginAttempt(id: string, clearFailures: boolean, at: Date): Promise<void>;
  /** Clears the failures at `at`, which starts the window afresh. */
  resetFailedLogins(id: string, at: Date): Promise<void>;
  /**
   * Creates or replaces by (realm, login); returns the stored user. A replaced
   * account keeps its failed-login count: provisioning does not unlock.
   */
  upsert(user: ApiUser): Promise<ApiUser>;
}

/**
 * Counting failed logins, for API accounts and agents alike. An account is
 * locked while `failures >= max` and its window is running. An attempt is
 * reserved before its secret is checked, in one atomic step, so that guesses
 * sent in parallel are counted as they arrive: `reserveLoginAttempt` counts
 * the attempt as a failure (`failures < max`: +1; `failures >= max` with the
 * window over: back to 1) and answers false, counting nothing, while the
 * account is locked. A right secret then releases its attempt (one failure
 * less), or clears them all, which starts a window at its time.
 *
 * Where the window starts (`lastFailedLoginAt`) is the policy's `window`:
 * - `since_last_failure`: every counted failure moves it;
 * - `since_count_restart` (VICIdial's rule, its `last_login_date`): only a
 *   count going back to 1 and a clearing success move it, so an account
 *   whose window started long ago is not locked when its count reaches the
 *   maximum: its next failure starts the count over, and it locks when the
 *   count reaches the maximum again within the window.
 */
export type LockoutWindow = 'since_last_failure' | 'since_count_restart';

export interface LockoutPolicy {
  maxFailures: number;
  windowMs: number;
  window: LockoutWindow;
}

export interface AgentRepository {
  get(id: string): Promise<Agent | null>;
  /** A page of the agents, by id. */
  list(page: PageRequest): Promise<Agent[]>;
  reserveLoginAttempt(id: string, at: Date, policy: LockoutPolicy): Promise<boolean>;
  releaseLoginAttempt(id: string, clearFailures: boolean, at: Date): Promise<void>;
  findByExternalId(externalId: string): Promise<Agent | null>;
  /** The agents whose attribute `name` is `value`, by id (the agents holding a right, say). */
  findByAttribute(name: string, value: string): Promise<Agent[]>;
  /** Stores a new agent; false (nothing stored) when the id is taken. */
  insert(agent: Agent): Promise<boolean>;
  /** The highest agent id that is a number, null when none is. */
  highestNumericId(): Promise<number | null>;
  /** Creates or replaces by id; an external id another agent has is refused, as a unique key is. */
  upsert(agent: Agent): Promise<void>;
  /** Removes the agent (its session and queue memberships must be gone); false when there was none. */
  delete(id: string): Promise<boolean>;
}

export interface AgentSessionRepository {
  get(agentId: string): Promise<AgentSession | null>;
  lock(agentId: string): Promise<AgentSession | null>;
  insert(session: AgentSession): Promise<void>;
  update(session: AgentSession): Promise<void>;
  /** Ends the session; `at` closes its last state span. */
  delete(agentId: string, at: Date): Promise<void>;
  list(): Promise<AgentSession[]>;
  /** Sessions signed in through `via` whose last sign of life is older than `before`. */
  listIdle(via: LoginChannel, before: Date): Promise<AgentSession[]>;
  touch(agentId: string, at: Date): Promise<void>;
}

export interface AgentStateSpanRepository {
  /** Spans overlapping the period searched, by agent, then start. */
  search(search: AgentStateSpanSearch): Promise<AgentStateSpan[]>;
}

export interface ExtensionRepository {
  get(id: number): Promise<Extension | null>;
  findByInternalNumber(internalNumber: string): Promise<Extension[]>;
  findByPublicNumber(publicNumber: string): Promise<Extension[]>;
  findBySipUsername(sipUsername: string): Promise<Extension[]>;
  findByEndpoint(endpoint: string): Promise<Extension | null>;
  dialplanExists(dialplan: string): Promise<boolean>;
  list(): Promise<Extension[]>;
  upsert(extension: Extension): Promise<void>;
}

export interface PhoneRepository {
  get(extension: string, serverIp: string): Promise<Phone | null>;
  /** The phones signed in to with this login, on any server. */
  findByLogin(login: string): Promise<Phone[]>;
  /** Every phone, by extension then server. */
  list(): Promise<Phone[]>;
  upsert(phone: Phone): Promise<void>;
  /** False when there was no such phone. */
  remove(extension: string, serverIp: string): Promise<boolean>;
}

export interface PhoneAliasRepository {
  get(id: string): Promise<PhoneAlias | null>;
  upsert(alias: PhoneAlias): Promise<void>;
  /** False when there was no such alias. */
  remove(id: string): Promise<boolean>;
}

export interface ExtensionGroupRepository {
  get(name: string): Promise<ExtensionGroup | null>;
  upsert(group: ExtensionGroup): Promise<void>;
}

export interface TrunkRepository {
  get(id: number): Promise<Trunk | null>;
  findByName(name: string): Promise<Trunk | null>;
  /** The trunk used when a caller names none: the lowest id. */
  preferred(): Promise<Trunk | null>;
  /** The same trunk without its caller-id pool, for calls that present a number of their own. */
  preferredRoute(): Promise<TrunkRoute | null>;
  /** Every trunk without its caller-id pool, by id. */
  listRoutes(): Promise<TrunkRoute[]>;
  upsert(trunk: Trunk): Promise<void>;
}

export interface QueueRepository {
  get(name: string): Promise<Queue | null>;
  list(): Promise<Queue[]>;
  /** Creates the queue or updates its settings; members are left as they are. */
  upsert(queue: QueueSettings): Promise<void>;
  /**
   * Adds the agent (not paused, no calls counted), or updates penalty,
   * membership and those of weight, grade and daily limit given when already
   * a member: a member keeps its pause, its count and its place.
   */
  putMember(queueName: string, member: QueueMembership): Promise<void>;
  /** Counts one more call the member took from the queue on `day` (`YYYY-MM-DD`; another day's count starts again). */
  countCallTaken(queueName: string, agentId: string, day: string): Promise<void>;
  removeMember(queueName: string, agentId: string): Promise<boolean>;
  setPausedForAgent(agentId: string, paused: boolean): Promise<void>;
  queuesOfAgent(agentId: string): Promise<string[]>;
  /** The queues the agent is a member of, in the order the agent joined them. */
  membershipsOfAgent(agentId: string): Promise<string[]>;
}

export interface CallRepository {
  insert(call: Call): Promise<void>;
  update(call: Call): Promise<void>;
  get(id: string): Promise<Call | null>;
  lock(id: string): Promise<Call | null>;
  insertLeg(leg: Leg): Promise<void>;
  updateLeg(leg: Leg): Promise<void>;
  getLeg(id: string): Promise<Leg | null>;
  legsOf(callId: string): Promise<Leg[]>;
  /** The live leg the engine knows by this channel name. */
  findLiveLegByChannelName(channelName: string): Promise<Leg | null>;
  /** Calls not yet ended, oldest first, each with all its legs. */
  listLive(): Promise<Array<{ call: Call; legs: Leg[] }>>;
  /**
   * Inbound calls waiting in one of `queueNames` for an agent, and with
   * `forAgentId` those waiting for that one agent in any queue, oldest first.
   */
  listWaiting(queueNames: readonly string[], forAgentId?: string): Promise<Array<CallOf<'inbound'>>>;
  /**
   * What `listWaiting` lists for the agent's own queues (those it is a member
   * of) and the agent, in one read: asked each time an agent becomes free.
   */
  listWaitingForAgent(agentId: string): Promise<Array<CallOf<'inbound'>>>;
  /** Inbound calls that entered the queue at or after `since` (and before `until` when given), ended or not, oldest first. */
  listInboundOfQueue(queueName: string, since: Date, until?: Date): Promise<Array<CallOf<'inbound'>>>;
  /** The named live legs of calls not yet ended: calls oldest first, each call's legs in creation order. */
  listLiveChannels(): Promise<LiveChannel[]>;
  /** When the latest ended leg over this extension's phone ended; null when none has. */
  lastLegEndOfExtension(extensionId: number): Promise<Date | null>;
}

export interface PlaybackRepository {
  insert(playback: Playback): Promise<void>;
  update(playback: Playback): Promise<void>;
  get(id: string): Promise<Playback | null>;
  /** The agent's playback that is pending, playing or paused, if any. */
  activeForAgent(agentId: string): Promise<Playback | null>;
  activeForCall(callId: string): Promise<Playback | null>;
  /** The call's playbacks not finished yet (including `finishing`), oldest first. */
  listUnfinishedForCall(callId: string): Promise<Playback[]>;
  /** Playbacks not yet finished (including `finishing`). */
  listUnfinished(): Promise<Playback[]>;
}

export interface RecordingRepository {
  insert(recording: Recording): Promise<void>;
  /**
   * Stores a recording whose name the client chose; false (nothing stored)
   * when another recording has that name, also one of a transaction that
   * commits meanwhile: two calls asking for one name at once get it once.
   */
  insertIfNameFree(recording: Recording): Promise<boolean>;
  update(recording: Recording): Promise<void>;
  /**
   * Stores a change of a recording that has not ended; false, and nothing
   * stored, when it had ended (`finished` or `failed`), also in a transaction
   * that commits meanwhile. So an end seen twice (the gateway's own stop as
   * the call or session ends, and the engine's report of the file) is
   * recorded once, and a pause, resume or stop crossing the end does not
   * bring the recording back.
   */
  updateUnlessEnded(recording: Recording): Promise<boolean>;
  get(id: string): Promise<Recording | null>;
  /** By the file name the engine knows it by. */
  getByName(name: string): Promise<Recording | null>;
  /** The agent's recordings that are pending or recording, oldest first. */
  liveForAgent(agentId: string): Promise<Recording[]>;
  /** Every recording of a call, oldest first. */
  listForCall(callId: string): Promise<Recording[]>;
  /** Recordings not yet finished or failed (`stopping` included), oldest first. */
  listUnfinished(): Promise<Recording[]>;
  /** Recordings matching every criterion given, oldest first. */
  search(criteria: RecordingSearch): Promise<Recording[]>;
}

export interface CdrRepository {
  /** Writes the CDR of a call; a call has exactly one. */
  insert(cdr: NewCdr): Promise<Cdr>;
  getByCall(callId: string): Promise<Cdr | null>;
  get(id: number): Promise<Cdr | null>;
  /** Names the file the call's recording now lives in (the recording was moved). */
  setRecordingFile(id: number, recordingFile: string): Promise<void>;
  list(filter?: { since?: Date; limit?: number }): Promise<Cdr[]>;
  /** CDRs matching every criterion given, by id. */
  search(criteria: CdrSearch): Promise<Cdr[]>;
  /** Marks CDRs read by a reader; marking one twice keeps the first time. */
  markRead(reader: string, cdrIds: readonly number[], at: Date): Promise<void>;
}

/** Per-agent queues of messages waiting to be fetched by a dialect (CC-Gateway polls). */
export interface MailboxRepository {
  append(agentId: string, channel: string, message: JsonValue): Promise<void>;
  /** Removes and returns the oldest message, or null. */
  takeNext(agentId: string, channel: string): Promise<JsonValue | null>;
  clear(agentId: string, channel: string): Promise<void>;
}

export interface MailboxSignals {
  /**
   * A number that grows with every notice for the mailbox (and whenever
   * notices may have been missed). Read it before looking into the mailbox
   * and pass it to `wait`: a notice that lands in between is not lost.
   */
  version(agentId: string, channel: string): number;
  /**
   * Resolves when a message is committed to the mailbox, after `timeoutMs`, or
   * on abort; at once when the version already moved past `since`.
   */
  wait(agentId: string, channel: string, timeoutMs: number, abort?: AbortSignal, since?: number): Promise<void>;
}

export interface OutboxRepository {
  add(message: NewOutboxMessage, now: Date): Promise<OutboxMessage>;
  /**
   * Takes up to `limit` due messages and hides them from other claimers until
   * `leaseUntil`. A message is not due while an earlier message with its
   * ordering key is undelivered, so a batch never holds two of one key.
   */
  claimDue(now: Date, limit: number, leaseUntil: Date): Promise<OutboxMessage[]>;
  markDelivered(id: string, at: Date): Promise<void>;
  markFailed(id: string, attempts: number, nextAttemptAt: Date, error: string): Promise<void>;
  /**
   * Drops undelivered messages (a receiver given up on, a session that starts
   * afresh): the one with `id`, and every one of `orderingKey` when given. Returns how many.
   */
  discardPending(which: { id?: string; orderingKey?: string | null }): Promise<number>;
  /** Undelivered messages: all of them, or those of one ordering key. */
  countPending(orderingKey?: string): Promise<number>;
}

export interface AccessTokenRepository {
  insert(token: AccessToken): Promise<void>;
  find(kind: AccessTokenKind, fingerprint: string): Promise<AccessToken | null>;
  delete(kind: AccessTokenKind, fingerprint: string): Promise<void>;
  deleteBySubject(kind: AccessTokenKind, subject: string): Promise<void>;
}

export interface ApiLogWriter {
  append(entry: ApiLogEntry): Promise<void>;
}
