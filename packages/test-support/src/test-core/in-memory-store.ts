import type {
  AccessToken,
  AccessTokenRepository,
  Agent,
  AgentRepository,
  AgentSession,
  AgentSessionRepository,
  AgentStateSpan,
  AgentStateSpanRepository,
  ApiLogEntry,
  ApiLogWriter,
  ApiUser,
  ApiUserRepository,
  LockoutPolicy,
  Call,
  CallOf,
  Did,
  DidLogEntry,
  DidRepository,
  CallRepository,
  Cdr,
  CdrRepository,
  Extension,
  ExtensionGroup,
  ExtensionGroupRepository,
  ExtensionRepository,
  JsonValue,
  Leg,
  MailboxRepository,
  MailboxSignals,
  OutboxMessage,
  OutboxRepository,
  Playback,
  PlaybackRepository,
  Recording,
  RecordingRepository,
  Queue,
  QueueMember,
  QueueRepository,
  QueueSettings,
  Store,
  StoreTransaction,
  Timers,
  Trunk,
  TrunkRepository,
  UserGroup,
  UserGroupRepository,
  AdminKey,
  AdminKeyRepository,
  PageRequest,
  Callback,
  CallbackArchiveRepository,
  CallbackRepository,
  AgentCampaignRank,
  Campaign,
  CampaignRepository,
  DncRepository,
  DncScope,
  GroupAlias,
  GroupAliasRepository,
  SettingsContainer,
  SettingsContainerRepository,
  CallMenu,
  CallMenuRepository,
  VoicemailBox,
  Phone,
  PhoneAlias,
  PhoneRepository,
  PhoneAliasRepository,
  VoicemailBoxRepository,
  PhoneCode,
  PostalCode,
  NanpaPrefix,
  TimeZoneRepository,
  CallTime,
  StateCallTime,
  CallTimeRepository,
  VoicemailMessage,
  VoicemailMessageRepository,
  MultiDialRequest,
  MultiDialRequestRepository,
  AgentNotification,
  AgentNotificationRepository,
  Lead,
  LeadFieldMatch,
  LiveAgent,
  LiveAgentCall,
  LiveAgentReader,
  ManualDialQueueRepository,
  HopperEntry,
  HopperRepository,
  QueuedManualDial,
  LeadCall,
  LeadCallRepository,
  LeadList,
  LeadListRepository,
  LeadCustomValues,
  ListCustomField,
  ListCustomFieldRepository,
  LeadArchiveRepository,
  LeadRepository,
  LeadSearch,
  LeadStatus,
  LeadStatusRepository,
  EventLogEntry,
  EventLogRepository,
  BroadcastNumber,
  ClaimedBroadcastNumber,
  QueuedBroadcastBatch,
  VoiceBroadcastQueueRepository,
  WebhookSubscription,
  WebhookSubscriptionRepository,
} from '@pbx-gateway/core';
import { compareEventLogIds, STANDARD_CALL_TIMES, EVENT_LOG_SIGNAL, EVENT_LOG_START, eventLogId, NOT_CALLED_SINCE_RESET, parseEventLogId } from '@pbx-gateway/core';

/**
 * A `Store` kept in memory that behaves like the Postgres one where the core
 * can tell the difference:
 *
 * - a transaction writes into its own overlay and commits it only when its
 *   work returns; a throw (or a constraint violated at commit) discards it;
 * - reads see the latest committed rows plus the transaction's own writes
 *   (read committed);
 * - `lock` and every write take a row lock held until the transaction ends;
 *   another transaction (or a write outside any transaction) that wants the
 *   row waits for it; a cycle of waits fails as a deadlock;
 * - primary keys and "one CDR per call" are enforced, also across
 *   transactions that commit concurrently;
 * - mailbox waiters wake when an append commits; outbox claims lease messages.
 *
 * Rows are copied on the way in and out, so callers cannot change stored state
 * by mutating what they hold.
 */
export class InMemoryStore implements Store {
  readonly direct: StoreTransaction;
  readonly mailboxSignals: InMemoryMailboxSignals;
  readonly apiLog: ApiLogWriter;
  readonly apiLogEntries: ApiLogEntry[] = [];
  commits = 0;
  rollbacks = 0;

  private readonly state = new StoreState();
  private readonly accessOf = new WeakMap<StoreTransaction, TxAccess>();
  private closed = false;

  constructor(options: { timers: Timers }) {
    this.mailboxSignals = new InMemoryMailboxSignals(options.timers);
    const directAccess = new DirectAccess(this.state, (agentId, channel) => this.mailboxSignals.notify(agentId, channel));
    this.direct = createRepositories(directAccess, this.state);
    this.apiLog = {
      append: async (entry) => {
        this.assertOpen();
        this.apiLogEntries.push(structuredClone(entry));
      },
    };
  }

  async transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    this.assertOpen();
    const access = new TxAccess(this.state);
    const tx = createRepositories(access, this.state);
    this.accessOf.set(tx, access);
    let result: T;
    try {
      result = await work(tx);
      access.commit();
    } catch (error) {
      access.end();
      this.rollbacks += 1;
      throw error;
    }
    access.end();
    this.commits += 1;
    for (const [agentId, channel] of access.appendedMailboxes) this.mailboxSignals.notify(agentId, channel);
    for (const hook of access.afterCommitHooks) hook();
    return result;
  }

  /** Runs `hook` once the transaction behind `tx` has committed; never if it rolls back. Outside a transaction, now. */
  afterCommit(tx: StoreTransaction, hook: () => void): void {
    const access = this.accessOf.get(tx);
    if (!access) {
      hook();
      return;
    }
    access.afterCommitHooks.push(hook);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.state.closed = true;
  }

  // ---- for assertions --------------------------------------------------

  /** Every outbox message, delivered or not, oldest first. */
  outboxMessages(): OutboxMessage[] {
    return this.state.committedRows<OutboxMessage>('outbox').map((row) => structuredClone(row.value));
  }

  /** Every access token held, in the order they were issued. */
  accessTokens(): AccessToken[] {
    return this.state.committedRows<AccessToken>('tokens').map((row) => structuredClone(row.value));
  }

  /** Messages waiting in one mailbox, oldest first. */
  mailboxMessages(agentId: string, channel: string): JsonValue[] {
    return this.state
      .committedRows<MailboxRow>('mailbox')
      .filter((row) => row.value.agentId === agentId && row.value.channel === channel)
      .map((row) => structuredClone(row.value.message));
  }

  /** Transactions that have not ended. */
  get openTransactions(): number {
    return this.state.openTransactions;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('store is closed');
  }
}

/** Long-poll waiters, woken when a message for their mailbox commits. */
export class InMemoryMailboxSignals implements MailboxSignals {
  private readonly waiters = new Map<string, Set<() => void>>();
  private readonly notices = new Map<string, number>();

  constructor(private readonly timers: Timers) {}

  version(agentId: string, channel: string): number {
    return this.notices.get(mailboxKey(agentId, channel)) ?? 0;
  }

  wait(agentId: string, channel: string, timeoutMs: number, abort?: AbortSignal, since?: number): Promise<void> {
    if (abort?.aborted || !(timeoutMs > 0)) return Promise.resolve();
    if (since !== undefined && this.version(agentId, channel) !== since) return Promise.resolve();
    const key = mailboxKey(agentId, channel);
    return new Promise<void>((resolve) => {
      const set = this.waiters.get(key) ?? new Set<() => void>();
      this.waiters.set(key, set);
      let done = false;
      const release = (): void => {
        if (done) return;
        done = true;
        timer.cancel();
        abort?.removeEventListener('abort', release);
        set.delete(release);
        if (set.size === 0 && this.waiters.get(key) === set) this.waiters.delete(key);
        resolve();
      };
      const timer = this.timers.setTimeout(release, timeoutMs);
      abort?.addEventListener('abort', release);
      set.add(release);
    });
  }

  /** @internal */
  notify(agentId: string, channel: string): void {
    const key = mailboxKey(agentId, channel);
    this.notices.set(key, (this.notices.get(key) ?? 0) + 1);
    for (const release of [...(this.waiters.get(mailboxKey(agentId, channel)) ?? [])]) release();
  }

  /** How many pollers are waiting right now. */
  get waiting(): number {
    let count = 0;
    for (const set of this.waiters.values()) count += set.size;
    return count;
  }
}

// ---------------------------------------------------------------------------
// storage engine

type TableName =
  | 'apiUsers'
  | 'agents'
  | 'agentLoginFailures'
  | 'sessions'
  | 'agentStateSpans'
  | 'extensions'
  | 'extensionGroups'
  | 'trunks'
  | 'queues'
  | 'queueMembers'
  | 'dids'
  | 'didLog'
  | 'calls'
  | 'legs'
  | 'playbacks'
  | 'recordings'
  | 'cdrs'
  | 'cdrReads'
  | 'mailbox'
  | 'outbox'
  | 'tokens'
  | 'campaigns'
  | 'agentCampaignRanks'
  | 'leadLists'
  | 'listFields'
  | 'leadCustomValues'
  | 'leads'
  | 'archivedLeads'
  | 'leadStatuses'
  | 'callbacks'
  | 'archivedCallbacks'
  | 'dnc'
  | 'leadCalls'
  | 'groupAliases'
  | 'settingsContainers'
  | 'callMenus'
  | 'voicemailBoxes'
  | 'phones'
  | 'phoneAliases'
  | 'phoneCodes'
  | 'callTimes'
  | 'stateCallTimes'
  | 'postalCodes'
  | 'nanpaPrefixes'
  | 'manualDialQueue'
  | 'hopper'
  | 'userGroups'
  | 'voicemailMessages'
  | 'multiDialRequests'
  | 'notifications'
  | 'eventLog'
  | 'eventLogPruned'
  | 'adminKeys'
  | 'voiceBroadcastBatches'
  | 'voiceBroadcastNumbers'
  | 'webhooks';

const TABLES: readonly TableName[] = [
  'apiUsers',
  'agents',
  'agentLoginFailures',
  'sessions',
  'agentStateSpans',
  'extensions',
  'extensionGroups',
  'trunks',
  'queues',
  'queueMembers',
  'dids',
  'didLog',
  'calls',
  'legs',
  'playbacks',
  'recordings',
  'cdrs',
  'cdrReads',
  'mailbox',
  'outbox',
  'tokens',
  'campaigns',
  'agentCampaignRanks',
  'leadLists',
  'listFields',
  'leadCustomValues',
  'leads',
  'archivedLeads',
  'leadStatuses',
  'callbacks',
  'archivedCallbacks',
  'dnc',
  'leadCalls',
  'groupAliases',
  'settingsContainers',
  'callMenus',
  'voicemailBoxes',
  'phones',
  'phoneAliases',
  'phoneCodes',
  'callTimes',
  'stateCallTimes',
  'postalCodes',
  'nanpaPrefixes',
  'manualDialQueue',
  'hopper',
  'userGroups',
  'voicemailMessages',
  'multiDialRequests',
  'notifications',
  'eventLog',
  'eventLogPruned',
  'adminKeys',
  'voiceBroadcastBatches',
  'voiceBroadcastNumbers',
  'webhooks',
];

interface Row<V> {
  key: string;
  value: V;
  /** Insertion order: breaks ties where Postgres would order by a serial column. */
  seq: number;
}

interface MailboxRow {
  agentId: string;
  channel: string;
  message: JsonValue;
}

type QueueRow = QueueSettings;

interface QueueMemberRow {
  queueName: string;
  member: QueueMember;
}

/** A batch of played calls and where its dialling stands (Postgres: a row of voice_broadcast_batches). */
interface BroadcastBatchEntry {
  batch: QueuedBroadcastBatch;
  numberCount: number;
  nextPosition: number;
  turn: number;
}

const DELETED = Symbol('deleted');

const mailboxKey = (agentId: string, channel: string): string => `${agentId}\u0000${channel}`;

interface Deferred {
  promise: Promise<void>;
  resolve(): void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

class StoreState {
  readonly tables = new Map<TableName, Map<string, Row<unknown>>>(TABLES.map((name) => [name, new Map()]));
  readonly locks = new Map<string, { holder: TxAccess; released: Deferred }>();
  readonly waitsFor = new Map<TxAccess, TxAccess>();
  openTransactions = 0;
  /** Event-log numbers of the transactions that appended and have not ended (Postgres: the running transaction ids). */
  readonly eventLogWriters = new Set<number>();
  /** Set by `close`: like a closed pool, the store then refuses every read and write. */
  closed = false;
  private seq = 0;
  private serials = new Map<string, number>();

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  /** Like a Postgres sequence: never rolled back. */
  nextSerial(name: string): number {
    const next = (this.serials.get(name) ?? 0) + 1;
    this.serials.set(name, next);
    return next;
  }

  /** Like `setval`: the next serial comes after `value`. */
  advanceSerial(name: string, value: number): void {
    if ((this.serials.get(name) ?? 0) < value) this.serials.set(name, value);
  }

  table(name: TableName): Map<string, Row<unknown>> {
    return this.tables.get(name)!;
  }

  committedRows<V>(name: TableName): Array<Row<V>> {
    return [...this.table(name).values()].sort((a, b) => a.seq - b.seq) as Array<Row<V>>;
  }

  /**
   * Waits until no other transaction holds the row lock, takes it for
   * `requester` (a transaction; null for a write outside any), and runs
   * `action` in the same turn, so nothing can slip in between.
   */
  async withRowLock<T>(lockKey: string, requester: TxAccess | null, action: () => T): Promise<T> {
    for (;;) {
      const held = this.locks.get(lockKey);
      if (!held || held.holder === requester) break;
      if (requester) {
        for (let other: TxAccess | undefined = held.holder; other; other = this.waitsFor.get(other)) {
          if (other === requester) throw new Error(`deadlock detected on ${lockKey}`);
        }
        this.waitsFor.set(requester, held.holder);
      }
      try {
        await held.released.promise;
      } finally {
        if (requester) this.waitsFor.delete(requester);
      }
    }
    if (requester && !this.locks.has(lockKey)) {
      this.locks.set(lockKey, { holder: requester, released: deferred() });
      requester.heldLocks.push(lockKey);
    }
    return action();
  }
}

/** How repositories reach rows: inside a transaction or straight on committed state. */
interface Access {
  read<V>(table: TableName, key: string): Row<V> | undefined;
  scan<V>(table: TableName): Array<Row<V>>;
  /** Takes the row lock (inside a transaction) or waits for it to be free (outside). */
  lock(table: TableName, key: string): Promise<void>;
  insert<V>(table: TableName, key: string, value: V): Promise<void>;
  /** Writes an existing row; false when there is none. */
  update<V>(table: TableName, key: string, value: V): Promise<boolean>;
  remove(table: TableName, key: string): Promise<boolean>;
  /** Changes some columns of an existing row under its lock, on its latest version (`UPDATE ... SET col = ...`). */
  modify<V>(table: TableName, key: string, change: (current: V) => V): Promise<boolean>;
  /**
   * Writes an existing row at once unless another transaction holds its lock
   * (then false: `FOR UPDATE SKIP LOCKED`). Never yields, so a series of these
   * is atomic like one SQL statement.
   */
  writeUnlessLocked<V>(table: TableName, key: string, value: V): boolean;
  mailboxAppended(agentId: string, channel: string): void;
  /** The number the event log orders this transaction's entries by, taken at its first append (Postgres: its transaction id). */
  eventLogTx(): number;
}

const lockKeyOf = (table: TableName, key: string): string => `${table}\u0000${key}`;

class DirectAccess implements Access {
  constructor(
    private readonly state: StoreState,
    private readonly onAppend: (agentId: string, channel: string) => void,
  ) {}

  read<V>(table: TableName, key: string): Row<V> | undefined {
    this.assertOpen();
    return this.state.table(table).get(key) as Row<V> | undefined;
  }

  scan<V>(table: TableName): Array<Row<V>> {
    this.assertOpen();
    return this.state.committedRows<V>(table);
  }

  async lock(table: TableName, key: string): Promise<void> {
    this.assertOpen();
    await this.state.withRowLock(lockKeyOf(table, key), null, () => undefined);
  }

  async insert<V>(table: TableName, key: string, value: V): Promise<void> {
    this.assertOpen();
    await this.state.withRowLock(lockKeyOf(table, key), null, () => {
      if (this.state.table(table).has(key)) throw duplicateKey(table, key);
      this.state.table(table).set(key, { key, value, seq: this.state.nextSeq() });
    });
  }

  async update<V>(table: TableName, key: string, value: V): Promise<boolean> {
    this.assertOpen();
    return this.state.withRowLock(lockKeyOf(table, key), null, () => {
      const existing = this.state.table(table).get(key);
      if (!existing) return false;
      this.state.table(table).set(key, { key, value, seq: existing.seq });
      return true;
    });
  }

  async remove(table: TableName, key: string): Promise<boolean> {
    this.assertOpen();
    return this.state.withRowLock(lockKeyOf(table, key), null, () => this.state.table(table).delete(key));
  }

  async modify<V>(table: TableName, key: string, change: (current: V) => V): Promise<boolean> {
    this.assertOpen();
    return this.state.withRowLock(lockKeyOf(table, key), null, () => {
      const existing = this.state.table(table).get(key) as Row<V> | undefined;
      if (!existing) return false;
      this.state.table(table).set(key, { key, value: change(copy(existing.value)), seq: existing.seq });
      return true;
    });
  }

  writeUnlessLocked<V>(table: TableName, key: string, value: V): boolean {
    this.assertOpen();
    const existing = this.state.table(table).get(key);
    if (!existing || this.state.locks.has(lockKeyOf(table, key))) return false;
    this.state.table(table).set(key, { key, value, seq: existing.seq });
    return true;
  }

  mailboxAppended(agentId: string, channel: string): void {
    this.onAppend(agentId, channel);
  }

  eventLogTx(): number {
    return this.state.nextSerial('eventLogTx');
  }

  private assertOpen(): void {
    if (this.state.closed) throw new Error('store is closed');
  }
}

class TxAccess implements Access {
  readonly appendedMailboxes: Array<[string, string]> = [];
  readonly afterCommitHooks: Array<() => void> = [];
  private readonly writes = new Map<TableName, Map<string, Row<unknown> | typeof DELETED>>();
  private readonly inserted: Array<{ table: TableName; key: string; replacing: boolean }> = [];
  /** @internal */
  readonly heldLocks: string[] = [];
  private open = true;
  private eventLogNumber: number | null = null;

  constructor(private readonly state: StoreState) {
    state.openTransactions += 1;
  }

  read<V>(table: TableName, key: string): Row<V> | undefined {
    this.assertOpen();
    const own = this.writes.get(table)?.get(key);
    if (own === DELETED) return undefined;
    return (own ?? this.state.table(table).get(key)) as Row<V> | undefined;
  }

  scan<V>(table: TableName): Array<Row<V>> {
    this.assertOpen();
    const own = this.writes.get(table) ?? new Map<string, Row<unknown> | typeof DELETED>();
    const rows: Array<Row<unknown>> = [];
    for (const [key, row] of this.state.table(table)) if (!own.has(key)) rows.push(row);
    for (const row of own.values()) if (row !== DELETED) rows.push(row);
    return rows.sort((a, b) => a.seq - b.seq) as Array<Row<V>>;
  }

  async lock(table: TableName, key: string): Promise<void> {
    this.assertOpen();
    await this.state.withRowLock(lockKeyOf(table, key), this, () => undefined);
    this.assertOpen();
  }

  async insert<V>(table: TableName, key: string, value: V): Promise<void> {
    await this.lock(table, key);
    if (this.read(table, key)) throw duplicateKey(table, key);
    const replacing = this.writes.get(table)?.get(key) === DELETED && this.state.table(table).has(key);
    this.own(table).set(key, { key, value, seq: this.state.nextSeq() });
    this.inserted.push({ table, key, replacing });
  }

  async update<V>(table: TableName, key: string, value: V): Promise<boolean> {
    await this.lock(table, key);
    const existing = this.read(table, key);
    if (!existing) return false;
    this.own(table).set(key, { key, value, seq: existing.seq });
    return true;
  }

  async remove(table: TableName, key: string): Promise<boolean> {
    await this.lock(table, key);
    const existing = this.read(table, key);
    if (!existing) return false;
    this.own(table).set(key, DELETED);
    return true;
  }

  async modify<V>(table: TableName, key: string, change: (current: V) => V): Promise<boolean> {
    await this.lock(table, key);
    const existing = this.read<V>(table, key);
    if (!existing) return false;
    this.own(table).set(key, { key, value: change(copy(existing.value)), seq: existing.seq });
    return true;
  }

  writeUnlessLocked<V>(table: TableName, key: string, value: V): boolean {
    this.assertOpen();
    const lockKey = lockKeyOf(table, key);
    const held = this.state.locks.get(lockKey);
    const existing = this.read(table, key);
    if (!existing || (held && held.holder !== this)) return false;
    if (!held) {
      this.state.locks.set(lockKey, { holder: this, released: deferred() });
      this.heldLocks.push(lockKey);
    }
    this.own(table).set(key, { key, value, seq: existing.seq });
    return true;
  }

  mailboxAppended(agentId: string, channel: string): void {
    this.appendedMailboxes.push([agentId, channel]);
  }

  eventLogTx(): number {
    if (this.eventLogNumber === null) {
      this.eventLogNumber = this.state.nextSerial('eventLogTx');
      this.state.eventLogWriters.add(this.eventLogNumber);
    }
    return this.eventLogNumber;
  }

  /** Checks constraints against what others committed meanwhile, then applies every write at once. */
  commit(): void {
    this.assertOpen();
    for (const { table, key, replacing } of this.inserted) {
      if (!replacing && this.state.table(table).has(key) && this.writes.get(table)?.get(key) !== DELETED) {
        throw duplicateKey(table, key);
      }
    }
    for (const unique of UNIQUE_COLUMNS) {
      const own = this.writes.get(unique.table);
      for (const [key, row] of own ?? []) {
        if (row === DELETED) continue;
        const value = unique.of(row.value);
        if (value === null) continue;
        for (const [otherKey, other] of this.state.table(unique.table)) {
          if (otherKey !== key && !own?.has(otherKey) && unique.of(other.value) === value) throw uniqueViolation(unique.constraint, value);
        }
      }
    }
    for (const [table, rows] of this.writes) {
      const committed = this.state.table(table);
      for (const [key, row] of rows) {
        if (row === DELETED) committed.delete(key);
        else committed.set(key, row);
      }
    }
  }

  /** Ends the transaction (after commit or for a rollback): its locks are released. */
  end(): void {
    if (!this.open) return;
    this.open = false;
    this.state.openTransactions -= 1;
    if (this.eventLogNumber !== null) this.state.eventLogWriters.delete(this.eventLogNumber);
    for (const lockKey of this.heldLocks) {
      const held = this.state.locks.get(lockKey);
      if (held?.holder === this) {
        this.state.locks.delete(lockKey);
        held.released.resolve();
      }
    }
  }

  private own(table: TableName): Map<string, Row<unknown> | typeof DELETED> {
    let rows = this.writes.get(table);
    if (!rows) {
      rows = new Map();
      this.writes.set(table, rows);
    }
    return rows;
  }

  private assertOpen(): void {
    if (!this.open) throw new Error('transaction already ended: its repositories must not be used any more');
  }
}

/** Unique keys besides the primary ones, checked again at commit against what others committed meanwhile. */
const UNIQUE_COLUMNS: ReadonlyArray<{ table: TableName; constraint: string; of: (row: unknown) => string | null }> = [
  { table: 'cdrs', constraint: 'cdrs_call_id_key', of: (row) => (row as Cdr).callId },
  { table: 'agents', constraint: 'agents_external_id_key', of: (row) => (row as Agent).externalId },
  { table: 'trunks', constraint: 'trunks_name_key', of: (row) => (row as Trunk).name },
];

function uniqueViolation(constraint: string, value: string): Error {
  return new Error(`duplicate key value violates unique constraint "${constraint}" (${value})`);
}

function duplicateKey(table: TableName, key: string): Error {
  return new Error(`duplicate key value violates unique constraint "${table}_pkey" (${key.replace(/\u0000/g, '/')})`);
}

const copy = <T>(value: T): T => structuredClone(value);

/**
 * A JSON value as Postgres `jsonb` gives it back: the same value, object keys
 * shortest first, then by their UTF-8 bytes. Dialects must not rely on the
 * order they wrote keys in; here they cannot either.
 */
function asJsonb<T>(value: T): T {
  if (Array.isArray(value)) return value.map(asJsonb) as T;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const keys = Object.keys(value).sort((a, b) => Buffer.byteLength(a) - Buffer.byteLength(b) || Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = asJsonb((value as Record<string, unknown>)[key]);
  return out as T;
}

/** The error Postgres gives for a row whose parent row does not exist. */
function missingParent(table: string, constraint: string, key: string): Error {
  return new Error(`insert or update on table "${table}" violates foreign key constraint "${constraint}" (${key})`);
}

/** Failed-login counters, as API accounts carry them and agents keep them apart. */
interface LoginFailures {
  failedLogins: number;
  lastFailedLoginAt: Date | null;
}

/** The lock-out rule of the Store port's `reserveLoginAttempt`; null while locked. */
function reserveAttempt(current: LoginFailures, at: Date, policy: LockoutPolicy): LoginFailures | null {
  const locked =
    current.failedLogins >= policy.maxFailures &&
    current.lastFailedLoginAt !== null &&
    current.lastFailedLoginAt.getTime() > at.getTime() - policy.windowMs;
  if (locked) return null;
  if (current.failedLogins >= policy.maxFailures) return { failedLogins: 1, lastFailedLoginAt: copy(at) };
  const windowStart = policy.window === 'since_count_restart' ? current.lastFailedLoginAt : copy(at);
  return { failedLogins: current.failedLogins + 1, lastFailedLoginAt: windowStart };
}

function releaseAttempt(current: LoginFailures, clearFailures: boolean, at: Date): LoginFailures {
  return clearFailures ? { failedLogins: 0, lastFailedLoginAt: copy(at) } : { failedLogins: Math.max(0, current.failedLogins - 1), lastFailedLoginAt: current.lastFailedLoginAt };
}

const byCreatedThenSeq = <V extends { createdAt: Date }>(a: Row<V>, b: Row<V>): number =>
  a.value.createdAt.getTime() - b.value.createdAt.getTime() || a.seq - b.seq;

// ---------------------------------------------------------------------------
// repositories

function createRepositories(access: Access, state: StoreState): StoreTransaction {
  const values = <V>(table: TableName): V[] => access.scan<V>(table).map((row) => copy(row.value));
  const getValue = <V>(table: TableName, key: string): V | null => {
    const row = access.read<V>(table, key);
    return row ? copy(row.value) : null;
  };
  const put = async <V>(table: TableName, key: string, value: V): Promise<void> => {
    if (!(await access.update(table, key, copy(value)))) await access.insert(table, key, copy(value));
  };

  const apiUsers: ApiUserRepository = {
    async findByLogin(realm, login) {
      return values<ApiUser>('apiUsers').find((user) => user.realm === realm && user.login === login) ?? null;
    },
    async get(id) {
      return getValue<ApiUser>('apiUsers', id);
    },
    async list(page) {
      return pageOf(values<ApiUser>('apiUsers'), (user) => user.id, page);
    },
    async reserveLoginAttempt(id, at, policy) {
      let allowed = false;
      await access.modify<ApiUser>('apiUsers', id, (user) => {
        const next = reserveAttempt(user, at, policy);
        allowed = next !== null;
        return next ? { ...user, ...next } : user;
      });
      return allowed;
    },
    async releaseLoginAttempt(id, clearFailures, at) {
      await access.modify<ApiUser>('apiUsers', id, (user) => ({ ...user, ...releaseAttempt(user, clearFailures, at) }));
    },
    async resetFailedLogins(id, at) {
      await access.modify<ApiUser>('apiUsers', id, (user) => ({ ...user, ...releaseAttempt(user, true, at) }));
    },
    async upsert(user) {
      const existing = values<ApiUser>('apiUsers').find((other) => other.realm === user.realm && other.login === user.login);
      const kept = existing ? { failedLogins: existing.failedLogins, lastFailedLoginAt: existing.lastFailedLoginAt } : {};
      const stored: ApiUser = { ...copy(user), id: existing?.id ?? user.id, attributes: asJsonb(user.attributes), ...kept };
      await put('apiUsers', stored.id, stored);
      return copy(stored);
    },
  };

  const agents: AgentRepository = {
    async get(id) {
      return getValue<Agent>('agents', id);
    },
    async list(page) {
      return pageOf(values<Agent>('agents'), (agent) => agent.id, page);
    },
    async reserveLoginAttempt(id, at, policy) {
      if (!access.read('agents', id)) return false;
      if (!access.read('agentLoginFailures', id)) await access.insert<LoginFailures>('agentLoginFailures', id, { failedLogins: 0, lastFailedLoginAt: null });
      let allowed = false;
      await access.modify<LoginFailures>('agentLoginFailures', id, (failures) => {
        const next = reserveAttempt(failures, at, policy);
        allowed = next !== null;
        return next ?? failures;
      });
      return allowed;
    },
    async releaseLoginAttempt(id, clearFailures, at) {
      if (!access.read('agents', id)) return;
      if (!access.read('agentLoginFailures', id)) await access.insert<LoginFailures>('agentLoginFailures', id, { failedLogins: 0, lastFailedLoginAt: null });
      await access.modify<LoginFailures>('agentLoginFailures', id, (failures) => releaseAttempt(failures, clearFailures, at));
    },
    async findByExternalId(externalId) {
      return values<Agent>('agents').find((agent) => agent.externalId === externalId) ?? null;
    },
    async findByAttribute(name, value) {
      return values<Agent>('agents')
        .filter((agent) => agent.attributes[name] === value)
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
    async insert(agent) {
      if (access.read('agents', agent.id)) return false;
      await put('agents', agent.id, { ...agent, attributes: asJsonb(agent.attributes) });
      return true;
    },
    async highestNumericId() {
      const numbers = values<Agent>('agents')
        .filter((agent) => /^[0-9]{1,15}$/.test(agent.id))
        .map((agent) => Number(agent.id));
      return numbers.length === 0 ? null : Math.max(...numbers);
    },
    async upsert(agent) {
      if (agent.externalId !== null && values<Agent>('agents').some((other) => other.id !== agent.id && other.externalId === agent.externalId)) {
        throw uniqueViolation('agents_external_id_key', agent.externalId);
      }
      await put('agents', agent.id, { ...agent, attributes: asJsonb(agent.attributes) });
    },
    delete(id) {
      return access.remove('agents', id);
    },
  };

  // The state span log, kept by the session writes as store-pg keeps it: the open span under `<agent>#open`, ended ones under a serial.
  const openSpanKey = (agentId: string): string => `${agentId}#open`;
  const endSpan = async (open: AgentStateSpan, at: Date): Promise<void> => {
    const endedAt = new Date(Math.max(open.startedAt.getTime(), at.getTime()));
    await access.insert('agentStateSpans', `${open.agentId}#${state.nextSerial('agent_state_spans')}`, { ...open, endedAt });
  };
  const logSpan = async (session: AgentSession): Promise<void> => {
    const open = getValue<AgentStateSpan>('agentStateSpans', openSpanKey(session.agentId));
    const latest = { campaignId: session.campaignId, state: session.state, pauseReason: session.pauseReason, callId: session.currentCallId };
    if (open && open.sessionId === session.sessionId && open.startedAt.getTime() === session.stateChangedAt.getTime()) {
      await put('agentStateSpans', openSpanKey(session.agentId), { ...open, ...latest });
      return;
    }
    if (open) await endSpan(open, session.stateChangedAt);
    await put('agentStateSpans', openSpanKey(session.agentId), { agentId: session.agentId, sessionId: session.sessionId, ...latest, startedAt: session.stateChangedAt, endedAt: null });
  };

  const agentStateSpans: AgentStateSpanRepository = {
    async search(search) {
      return values<AgentStateSpan>('agentStateSpans')
        .filter((span) => span.startedAt.getTime() >= search.from.getTime() && span.startedAt.getTime() <= search.to.getTime())
        .filter((span) => (search.agentId === undefined || span.agentId === search.agentId) && (search.campaignId === undefined || span.campaignId === search.campaignId))
        .sort((a, b) => (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : a.startedAt.getTime() - b.startedAt.getTime()));
    },
  };

  const sessions: AgentSessionRepository = {
    async get(agentId) {
      return getValue<AgentSession>('sessions', agentId);
    },
    async lock(agentId) {
      await access.lock('sessions', agentId);
      return getValue<AgentSession>('sessions', agentId);
    },
    async insert(session) {
      if (!access.read('agents', session.agentId)) throw missingParent('agent_sessions', 'agent_sessions_agent_id_fkey', session.agentId);
      await access.insert('sessions', session.agentId, copy(session));
      await logSpan(session);
    },
    async update(session) {
      if (await access.update('sessions', session.agentId, copy(session))) await logSpan(session);
    },
    async delete(agentId, at) {
      if (!(await access.remove('sessions', agentId))) return;
      const open = getValue<AgentStateSpan>('agentStateSpans', openSpanKey(agentId));
      if (open) {
        await endSpan(open, at);
        await access.remove('agentStateSpans', openSpanKey(agentId));
      }
    },
    async list() {
      return values<AgentSession>('sessions').sort((a, b) => (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0));
    },
    async listIdle(via, before) {
      return values<AgentSession>('sessions')
        .filter((session) => session.loginVia === via && session.lastSeenAt.getTime() < before.getTime())
        .sort((a, b) => a.lastSeenAt.getTime() - b.lastSeenAt.getTime() || (a.agentId < b.agentId ? -1 : 1));
    },
    async touch(agentId, at) {
      await access.modify<AgentSession>('sessions', agentId, (session) => ({ ...session, lastSeenAt: copy(at) }));
    },
  };

  const extensionsById = (): Extension[] => values<Extension>('extensions').sort((a, b) => a.id - b.id);
  const extensions: ExtensionRepository = {
    async get(id) {
      return getValue<Extension>('extensions', String(id));
    },
    async findByInternalNumber(internalNumber) {
      return extensionsById().filter((extension) => extension.internalNumber === internalNumber);
    },
    async findByPublicNumber(publicNumber) {
      return extensionsById().filter((extension) => extension.publicNumber === publicNumber);
    },
    async findBySipUsername(sipUsername) {
      return extensionsById().filter((extension) => extension.sipUsername === sipUsername);
    },
    async findByEndpoint(endpoint) {
      return extensionsById().find((extension) => extension.endpoint === endpoint) ?? null;
    },
    async dialplanExists(dialplan) {
      return extensionsById().some((extension) => extension.dialplan === dialplan);
    },
    async list() {
      return extensionsById();
    },
    async upsert(extension) {
      await put('extensions', String(extension.id), extension);
    },
  };

  const extensionGroups: ExtensionGroupRepository = {
    async get(name) {
      return getValue<ExtensionGroup>('extensionGroups', name);
    },
    async upsert(group) {
      const missing = group.extensionIds.find((id) => !access.read('extensions', String(id)));
      if (missing !== undefined) throw missingParent('extension_group_members', 'extension_group_members_extension_id_fkey', String(missing));
      await put('extensionGroups', group.name, group);
    },
  };

  const trunksById = (): Trunk[] => values<Trunk>('trunks').sort((a, b) => a.id - b.id);
  const trunks: TrunkRepository = {
    async get(id) {
      return getValue<Trunk>('trunks', String(id));
    },
    async findByName(name) {
      return trunksById().find((trunk) => trunk.name === name) ?? null;
    },
    async preferred() {
      return trunksById()[0] ?? null;
    },
    async listRoutes() {
      return trunksById().map((trunk) => ({ id: trunk.id, name: trunk.name, dialTemplate: trunk.dialTemplate }));
    },
    async preferredRoute() {
      const trunk = trunksById()[0];
      return trunk ? { id: trunk.id, name: trunk.name, dialTemplate: trunk.dialTemplate } : null;
    },
    async upsert(trunk) {
      if (trunksById().some((other) => other.id !== trunk.id && other.name === trunk.name)) throw uniqueViolation('trunks_name_key', trunk.name);
      await put('trunks', String(trunk.id), trunk);
    },
  };

  const memberKey = (queueName: string, agentId: string): string => `${queueName}\u0000${agentId}`;
  const toQueue = (row: QueueRow): Queue => ({
    ...row,
    members: values<QueueMemberRow>('queueMembers')
      .filter((member) => member.queueName === row.name)
      .map((member) => member.member),
  });
  const queues: QueueRepository = {
    async get(name) {
      const row = getValue<QueueRow>('queues', name);
      return row ? toQueue(row) : null;
    },
    async list() {
      return values<QueueRow>('queues')
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .map(toQueue);
    },
    async upsert(queue) {
      await put<QueueRow>('queues', queue.name, copy(queue));
    },
    async putMember(queueName, member) {
      if (!access.read('queues', queueName)) throw missingParent('queue_members', 'queue_members_queue_name_fkey', queueName);
      if (!access.read('agents', member.agentId)) throw missingParent('queue_members', 'queue_members_agent_id_fkey', member.agentId);
      const key = memberKey(queueName, member.agentId);
      // A member keeps its pause and its place in the join order when re-added.
      const given = Object.fromEntries(Object.entries(member).filter(([name, value]) => name !== 'agentId' && value !== undefined));
      const updated = await access.modify<QueueMemberRow>('queueMembers', key, (existing) => ({
        queueName,
        member: { ...existing.member, ...given },
      }));
      if (updated) return;
      const joined: QueueMember = { paused: false, weight: 0, grade: 1, dailyLimit: null, callsToday: 0, callsTodayOn: null, ...member };
      await access.insert<QueueMemberRow>('queueMembers', key, { queueName, member: copy(joined) });
    },
    async countCallTaken(queueName, agentId, day) {
      await access.modify<QueueMemberRow>('queueMembers', memberKey(queueName, agentId), (current) => ({
        ...current,
        member: { ...current.member, callsToday: (current.member.callsTodayOn === day ? current.member.callsToday : 0) + 1, callsTodayOn: day },
      }));
    },
    async membershipsOfAgent(agentId) {
      return access
        .scan<QueueMemberRow>('queueMembers')
        .filter((row) => row.value.member.agentId === agentId)
        .sort((a, b) => a.seq - b.seq)
        .map((row) => row.value.queueName);
    },
    async removeMember(queueName, agentId) {
      return access.remove('queueMembers', memberKey(queueName, agentId));
    },
    async setPausedForAgent(agentId, paused) {
      for (const row of access.scan<QueueMemberRow>('queueMembers')) {
        if (row.value.member.agentId !== agentId) continue;
        await access.modify<QueueMemberRow>('queueMembers', row.key, (current) => ({ ...current, member: { ...current.member, paused } }));
      }
    },
    async queuesOfAgent(agentId) {
      return values<QueueMemberRow>('queueMembers')
        .filter((row) => row.member.agentId === agentId)
        .map((row) => row.queueName)
        .sort();
    },
  };

  const legsOf = (callId: string): Leg[] =>
    access
      .scan<Leg>('legs')
      .filter((row) => row.value.callId === callId)
      .sort(byCreatedThenSeq)
      .map((row) => copy(row.value));
  const calls: CallRepository = {
    async insert(call) {
      await access.insert('calls', call.id, { ...copy(call), data: asJsonb(call.data) });
    },
    async update(call) {
      await access.update('calls', call.id, { ...copy(call), data: asJsonb(call.data) });
    },
    async get(id) {
      return getValue<Call>('calls', id);
    },
    async lock(id) {
      await access.lock('calls', id);
      return getValue<Call>('calls', id);
    },
    async insertLeg(leg) {
      if (!access.read('calls', leg.callId)) throw missingParent('legs', 'legs_call_id_fkey', leg.callId);
      await access.insert('legs', leg.id, copy(leg));
    },
    async updateLeg(leg) {
      await access.update('legs', leg.id, copy(leg));
    },
    async getLeg(id) {
      return getValue<Leg>('legs', id);
    },
    async legsOf(callId) {
      return legsOf(callId);
    },
    async findLiveLegByChannelName(channelName) {
      const live = access
        .scan<Leg>('legs')
        .filter((row) => row.value.channelName === channelName && row.value.state !== 'ended')
        .sort(byCreatedThenSeq);
      const newest = live[live.length - 1];
      return newest ? copy(newest.value) : null;
    },
    async listLive() {
      return access
        .scan<Call>('calls')
        .filter((row) => row.value.state !== 'ended')
        .sort(byCreatedThenSeq)
        .map((row) => ({ call: copy(row.value), legs: legsOf(row.value.id) }));
    },
    async listWaiting(queueNames, forAgentId) {
      return access
        .scan<Call>('calls')
        .filter((row) => {
          const call = row.value;
          if (call.purpose !== 'inbound' || call.state === 'ended' || call.progress.stage !== 'waiting') return false;
          return queueNames.includes(call.progress.queueName ?? '') || (forAgentId !== undefined && call.progress.forAgentId === forAgentId);
        })
        .sort(byCreatedThenSeq)
        .map((row) => copy(row.value) as CallOf<'inbound'>);
    },
    async listWaitingForAgent(agentId) {
      return calls.listWaiting(await queues.queuesOfAgent(agentId), agentId);
    },
    async listInboundOfQueue(queueName, since, until) {
      return access
        .scan<Call>('calls')
        .filter(
          ({ value: call }) =>
            call.purpose === 'inbound' && call.progress.queueName === queueName && call.createdAt.getTime() >= since.getTime() && (!until || call.createdAt.getTime() < until.getTime()),
        )
        .sort(byCreatedThenSeq)
        .map((row) => copy(row.value) as CallOf<'inbound'>);
    },
    async listLiveChannels() {
      return access
        .scan<Call>('calls')
        .filter((row) => row.value.state !== 'ended')
        .sort(byCreatedThenSeq)
        .flatMap((row) => legsOf(row.value.id))
        .flatMap(({ channelName, context, state, callerNumber, dialedNumber, account, createdAt }) =>
          state === 'ended' || channelName === null ? [] : [{ channelName, context, state, callerNumber, dialedNumber, account, createdAt }],
        );
    },
    async lastLegEndOfExtension(extensionId) {
      const ends = access
        .scan<Leg>('legs')
        .flatMap(({ value: leg }) => (leg.account?.kind === 'extension' && leg.account.id === extensionId && leg.endedAt ? [leg.endedAt.getTime()] : []));
      return ends.length > 0 ? new Date(Math.max(...ends)) : null;
    },
  };

  const activeStates: ReadonlyArray<Playback['state']> = ['pending', 'playing', 'paused'];
  const newestActive = (match: (playback: Playback) => boolean): Playback | null => {
    const rows = access
      .scan<Playback>('playbacks')
      .filter((row) => activeStates.includes(row.value.state) && match(row.value))
      .sort(byCreatedThenSeq);
    const newest = rows[rows.length - 1];
    return newest ? copy(newest.value) : null;
  };
  const playbacks: PlaybackRepository = {
    async insert(playback) {
      await access.insert('playbacks', playback.id, copy(playback));
    },
    async update(playback) {
      await access.update('playbacks', playback.id, copy(playback));
    },
    async get(id) {
      return getValue<Playback>('playbacks', id);
    },
    async activeForAgent(agentId) {
      return newestActive((playback) => playback.agentId === agentId);
    },
    async activeForCall(callId) {
      return newestActive((playback) => playback.callId === callId);
    },
    async listUnfinishedForCall(callId) {
      return access
        .scan<Playback>('playbacks')
        .filter((row) => row.value.callId === callId && row.value.state !== 'finished')
        .sort(byCreatedThenSeq)
        .map((row) => copy(row.value));
    },
    async listUnfinished() {
      return access
        .scan<Playback>('playbacks')
        .filter((row) => row.value.state !== 'finished')
        .sort(byCreatedThenSeq)
        .map((row) => copy(row.value));
    },
  };

  const recordingsWhere = (match: (recording: Recording) => boolean): Recording[] =>
    access
      .scan<Recording>('recordings')
      .filter((row) => match(row.value))
      .sort(byCreatedThenSeq)
      .map((row) => copy(row.value));
  const recordings: RecordingRepository = {
    async insert(recording) {
      if (values<Recording>('recordings').some((other) => other.name === recording.name)) {
        throw new Error(`duplicate key value violates unique constraint "recordings_name_key" (${recording.name})`);
      }
      await access.insert('recordings', recording.id, copy(recording));
    },
    async insertIfNameFree(recording) {
      if (values<Recording>('recordings').some((other) => other.name === recording.name)) return false;
      await access.insert('recordings', recording.id, copy(recording));
      return true;
    },
    async update(recording) {
      await access.update('recordings', recording.id, copy(recording));
    },
    async updateUnlessEnded(recording) {
      // As Postgres: wait for a concurrent change to commit, then look again.
      await access.lock('recordings', recording.id);
      const stored = getValue<Recording>('recordings', recording.id);
      if (!stored || stored.state === 'finished' || stored.state === 'failed') return false;
      await access.update('recordings', recording.id, copy(recording));
      return true;
    },
    async get(id) {
      return getValue<Recording>('recordings', id);
    },
    async getByName(name) {
      return recordingsWhere((recording) => recording.name === name)[0] ?? null;
    },
    async liveForAgent(agentId) {
      return recordingsWhere((recording) => recording.agentId === agentId && (recording.state === 'pending' || recording.state === 'recording'));
    },
    async listForCall(callId) {
      return recordingsWhere((recording) => recording.callId === callId);
    },
    async search(criteria) {
      return recordingsWhere(
        (recording) =>
          (criteria.agentId === undefined || recording.agentId === criteria.agentId) &&
          (criteria.leadId === undefined || recording.leadId === criteria.leadId) &&
          (criteria.callId === undefined || recording.callId === criteria.callId) &&
          (criteria.from === undefined || recording.createdAt >= criteria.from) &&
          (criteria.to === undefined || recording.createdAt < criteria.to),
      );
    },
    async listUnfinished() {
      return recordingsWhere((recording) => recording.state !== 'finished' && recording.state !== 'failed');
    },
  };

  const cdrs: CdrRepository = {
    async insert(cdr) {
      if (values<Cdr>('cdrs').some((other) => other.callId === cdr.callId)) {
        throw uniqueViolation('cdrs_call_id_key', cdr.callId);
      }
      if (!access.read('calls', cdr.callId)) throw missingParent('cdrs', 'cdrs_call_id_fkey', cdr.callId);
      const stored: Cdr = { ...copy(cdr), id: state.nextSerial('cdrs'), data: asJsonb(cdr.data) };
      await access.insert('cdrs', String(stored.id), stored);
      return copy(stored);
    },
    async getByCall(callId) {
      return values<Cdr>('cdrs').find((cdr) => cdr.callId === callId) ?? null;
    },
    async get(id) {
      return values<Cdr>('cdrs').find((cdr) => cdr.id === id) ?? null;
    },
    async setRecordingFile(id, recordingFile) {
      const stored = access.read<Cdr>('cdrs', String(id));
      if (stored) await access.update('cdrs', String(id), { ...copy(stored.value), recordingFile });
    },
    async list(filter = {}) {
      const since = filter.since?.getTime();
      const all = values<Cdr>('cdrs')
        .sort((a, b) => a.id - b.id)
        .filter((cdr) => since === undefined || cdr.startedAt.getTime() >= since);
      return filter.limit === undefined ? all : all.slice(0, Math.max(0, Math.floor(filter.limit)));
    },
    async search(criteria) {
      const startedBy = (cdr: Cdr, origin: { in: readonly string[] } | { notIn: readonly string[] }): boolean => {
        const operation = access.read<Call>('calls', cdr.callId)?.value.origin.operation ?? '';
        return 'in' in origin ? origin.in.includes(operation) : !origin.notIn.includes(operation);
      };
      const readBy = (cdr: Cdr): boolean => access.read('cdrReads', `${criteria.reader}\u0000${cdr.id}`) !== undefined;
      const found = values<Cdr>('cdrs')
        .sort((a, b) => (criteria.newestFirst === true ? b.id - a.id : a.id - b.id))
        .filter((cdr) => criteria.tenant === undefined || cdr.tenant === criteria.tenant)
        .filter((cdr) => !criteria.from || cdr.startedAt.getTime() >= criteria.from.getTime())
        .filter((cdr) => !criteria.to || cdr.startedAt.getTime() <= criteria.to.getTime())
        .filter((cdr) => !criteria.direction || cdr.direction === criteria.direction)
        .filter((cdr) => criteria.agentId === undefined || cdr.agentId === criteria.agentId)
        .filter((cdr) => criteria.recordingFile === undefined || cdr.recordingFile === criteria.recordingFile)
        .filter((cdr) => !criteria.originOperation || startedBy(cdr, criteria.originOperation))
        .filter((cdr) => criteria.reader === undefined || criteria.read === undefined || readBy(cdr) === criteria.read);
      const offset = Math.max(0, Math.floor(criteria.offset ?? 0));
      return criteria.limit === undefined ? found.slice(offset) : found.slice(offset, offset + Math.max(0, Math.floor(criteria.limit)));
    },
    async markRead(reader, cdrIds, at) {
      for (const id of new Set(cdrIds)) {
        const key = `${reader}\u0000${id}`;
        if (!access.read('cdrs', String(id))) throw missingParent('cdr_reads', 'cdr_reads_cdr_id_fkey', String(id));
        if (!access.read('cdrReads', key)) await access.insert('cdrReads', key, { reader, cdrId: id, readAt: at });
      }
    },
  };

  const mailbox: MailboxRepository = {
    async append(agentId, channel, message) {
      await access.insert<MailboxRow>('mailbox', `m${state.nextSerial('mailbox')}`, { agentId, channel, message: asJsonb(message) });
      access.mailboxAppended(agentId, channel);
    },
    async takeNext(agentId, channel) {
      for (const row of access.scan<MailboxRow>('mailbox')) {
        if (row.value.agentId !== agentId || row.value.channel !== channel) continue;
        if (await access.remove('mailbox', row.key)) return copy(row.value.message);
      }
      return null;
    },
    async clear(agentId, channel) {
      for (const row of access.scan<MailboxRow>('mailbox')) {
        if (row.value.agentId === agentId && row.value.channel === channel) await access.remove('mailbox', row.key);
      }
    },
  };

  const outboxById = (): OutboxMessage[] => values<OutboxMessage>('outbox').sort((a, b) => Number(a.id) - Number(b.id));
  const changeOutbox = async (id: string, change: (message: OutboxMessage) => OutboxMessage): Promise<void> => {
    await access.modify<OutboxMessage>('outbox', id, change);
  };
  const outbox: OutboxRepository = {
    async add(message, now) {
      const stored: OutboxMessage = {
        id: String(state.nextSerial('outbox')),
        topic: message.topic,
        orderingKey: message.orderingKey ?? null,
        url: message.url,
        body: message.body,
        headers: asJsonb(message.headers),
        createdAt: copy(now),
        attempts: 0,
        nextAttemptAt: copy(now),
        deliveredAt: null,
        lastError: null,
        retry: message.retry ? copy(message.retry) : null,
        signingKey: message.signingKey ?? null,
      };
      await access.insert('outbox', stored.id, stored);
      return copy(stored);
    },
    async claimDue(now, limit, leaseUntil) {
      if (limit <= 0) return [];
      const all = outboxById();
      const heldBack = (message: OutboxMessage): boolean =>
        message.orderingKey !== null &&
        all.some((earlier) => earlier.orderingKey === message.orderingKey && Number(earlier.id) < Number(message.id) && earlier.deliveredAt === null);
      const due = all
        .filter((message) => message.deliveredAt === null && message.nextAttemptAt.getTime() <= now.getTime() && !heldBack(message))
        .sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || Number(a.id) - Number(b.id));
      const claimed: OutboxMessage[] = [];
      for (const message of due) {
        if (claimed.length >= Math.floor(limit)) break;
        const leased: OutboxMessage = { ...message, nextAttemptAt: copy(leaseUntil) };
        if (access.writeUnlessLocked('outbox', message.id, leased)) claimed.push(copy(leased));
      }
      return claimed.sort((a, b) => Number(a.id) - Number(b.id));
    },
    async markDelivered(id, at) {
      await changeOutbox(id, (message) => ({ ...message, deliveredAt: copy(at) }));
    },
    async markFailed(id, attempts, nextAttemptAt, error) {
      await changeOutbox(id, (message) => ({ ...message, attempts, nextAttemptAt: copy(nextAttemptAt), lastError: error }));
    },
    async discardPending(which) {
      const key = which.orderingKey ?? null;
      let dropped = 0;
      for (const message of outboxById()) {
        if (message.deliveredAt !== null || (message.id !== which.id && (key === null || message.orderingKey !== key))) continue;
        await access.remove('outbox', message.id);
        dropped += 1;
      }
      return dropped;
    },
    async countPending(orderingKey) {
      return outboxById().filter((message) => message.deliveredAt === null && (orderingKey === undefined || message.orderingKey === orderingKey)).length;
    },
  };

  const tokenKey = (kind: string, fingerprint: string): string => `${kind}\u0000${fingerprint}`;
  const tokens: AccessTokenRepository = {
    async insert(token) {
      await access.insert('tokens', tokenKey(token.kind, token.fingerprint), copy(token));
    },
    async find(kind, fingerprint) {
      return getValue<AccessToken>('tokens', tokenKey(kind, fingerprint));
    },
    async delete(kind, fingerprint) {
      await access.remove('tokens', tokenKey(kind, fingerprint));
    },
    async deleteBySubject(kind, subject) {
      for (const row of access.scan<AccessToken>('tokens')) {
        if (row.value.kind === kind && row.value.subject === subject) await access.remove('tokens', row.key);
      }
    },
  };

  const campaigns: CampaignRepository = {
    async get(id) {
      return getValue<Campaign>('campaigns', id);
    },
    async list() {
      return values<Campaign>('campaigns').sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
    async upsert(campaign) {
      await put('campaigns', campaign.id, campaign);
    },
    async putAgentRanks(agentId, change, campaignId) {
      const targets = values<Campaign>('campaigns').filter((campaign) => campaignId === null || campaign.id === campaignId);
      for (const campaign of targets) {
        const key = `${agentId}\u0000${campaign.id}`;
        const current = getValue<AgentCampaignRank>('agentCampaignRanks', key) ?? { agentId, campaignId: campaign.id, rank: 0, grade: 1 };
        await put<AgentCampaignRank>('agentCampaignRanks', key, { ...current, rank: change.rank ?? current.rank, grade: change.grade ?? current.grade });
      }
      return targets.length;
    },
    async agentRanks(agentId) {
      return values<AgentCampaignRank>('agentCampaignRanks')
        .filter((rank) => rank.agentId === agentId)
        .sort((a, b) => (a.campaignId < b.campaignId ? -1 : a.campaignId > b.campaignId ? 1 : 0));
    },
  };

  const leadLists: LeadListRepository = {
    async get(id) {
      return getValue<LeadList>('leadLists', String(id));
    },
    async upsert(list) {
      // Postgres keeps an empty set of settings for a list given none, and the change time and last reset a list does not say;
      // a list never changed nor reset says neither.
      const kept = getValue<LeadList>('leadLists', String(list.id));
      const { changedAt, lastReset, lastCalledAt, ...rest } = list;
      const changed = changedAt !== undefined ? changedAt : (kept?.changedAt ?? null);
      const reset = lastReset !== undefined ? lastReset : (kept?.lastReset ?? null);
      const called = lastCalledAt !== undefined ? lastCalledAt : (kept?.lastCalledAt ?? null);
      await put('leadLists', String(list.id), {
        ...rest,
        settings: list.settings ?? {},
        ...(changed === null ? {} : { changedAt: changed }),
        ...(reset === null ? {} : { lastReset: reset }),
        ...(called === null ? {} : { lastCalledAt: called }),
      });
    },
    async markCalled(id, at) {
      const kept = getValue<LeadList>('leadLists', String(id));
      if (kept) await put('leadLists', String(id), { ...kept, lastCalledAt: at });
    },
    async delete(id) {
      return access.remove('leadLists', String(id));
    },
    async list(page) {
      return values<LeadList>('leadLists')
        .sort((a, b) => a.id - b.id)
        .slice(page.offset, page.offset + page.limit);
    },
    async listOfCampaign(campaignId) {
      return values<LeadList>('leadLists')
        .filter((list) => list.campaignId === campaignId)
        .sort((a, b) => a.id - b.id);
    },
  };

  // One row per field (key list/label, scanned in insertion order: the order fields were defined) and per lead's value.
  const listCustomFields: ListCustomFieldRepository = {
    async listForList(listId) {
      return access
        .scan<ListCustomField>('listFields')
        .filter((row) => row.value.listId === listId)
        .sort((a, b) => a.seq - b.seq)
        .map((row) => copy(row.value));
    },
    async replaceForList(listId, fields) {
      const labels = new Set(fields.map((field) => field.label));
      for (const row of access.scan<ListCustomField>('listFields')) {
        if (row.value.listId === listId && !labels.has(row.value.label)) await access.remove('listFields', row.key);
      }
      for (const row of access.scan<{ listId: number; label: string }>('leadCustomValues')) {
        if (row.value.listId === listId && !labels.has(row.value.label)) await access.remove('leadCustomValues', row.key);
      }
      for (const field of fields) await put('listFields', `${listId}/${field.label}`, { ...field, listId });
    },
    async valuesOf(listId, leadId) {
      const rows = values<{ listId: number; leadId: number; label: string; value: string }>('leadCustomValues').filter((row) => row.listId === listId && row.leadId === leadId);
      if (rows.length === 0) return null;
      const found: Record<string, string> = {};
      for (const row of rows) found[row.label] = row.value;
      return found;
    },
    async putValues(listId, leadId, given: LeadCustomValues) {
      for (const [label, value] of Object.entries(given)) await put('leadCustomValues', `${listId}/${leadId}/${label}`, { listId, leadId, label, value });
    },
    async removeValuesOfLead(leadId) {
      for (const row of access.scan<{ leadId: number }>('leadCustomValues')) {
        if (row.value.leadId === leadId) await access.remove('leadCustomValues', row.key);
      }
    },
  };

  /** The leads of a table matching every criterion of a search, in its order, at most `limit`. */
  const searchLeads = (table: 'leads' | 'archivedLeads', criteria: LeadSearch, limit: number): Lead[] =>
    values<Lead>(table)
      .filter(
        (lead) =>
          (criteria.leadId === undefined || lead.id === criteria.leadId) &&
          (criteria.leadIds === undefined || criteria.leadIds.includes(lead.id)) &&
          (criteria.vendorLeadCode === undefined || lead.vendorLeadCode === criteria.vendorLeadCode) &&
          (criteria.phoneNumber === undefined || lead.phoneNumber === criteria.phoneNumber) &&
          (criteria.listIds === undefined || criteria.listIds.includes(lead.listId)),
      )
      .sort((a, b) => (criteria.newestFirst === true ? b.id - a.id : a.id - b.id))
      .slice(criteria.offset ?? 0, (criteria.offset ?? 0) + limit);

  /** What the lead table and its archive do alike: the archive keeps leads whole, under their own numbers. */
  const leadTableAccess = (table: 'leads' | 'archivedLeads'): Pick<LeadArchiveRepository, 'put' | 'get' | 'lock' | 'search'> => ({
    async put(lead) {
      await put(table, String(lead.id), lead);
      state.advanceSerial('leads', lead.id);
    },
    async get(id) {
      return getValue<Lead>(table, String(id));
    },
    async lock(id) {
      await access.lock(table, String(id));
      return getValue<Lead>(table, String(id));
    },
    async search(criteria, limit) {
      return searchLeads(table, criteria, limit);
    },
  });

  const leads: LeadRepository = {
    async insert(lead) {
      const stored: Lead = { ...copy(lead), id: state.nextSerial('leads') };
      await access.insert('leads', String(stored.id), stored);
      return copy(stored);
    },
    ...leadTableAccess('leads'),
    async update(lead) {
      await access.update('leads', String(lead.id), copy(lead));
    },
    delete(id) {
      return access.remove('leads', String(id));
    },
    async findInCampaign(campaignId, phoneNumber) {
      const lists = listsOf(campaignId, false);
      return values<Lead>('leads').filter((lead) => lists.has(lead.listId) && lead.phoneNumber === phoneNumber).sort((a, b) => a.id - b.id)[0] ?? null;
    },
    async countInList(listId, status) {
      return values<Lead>('leads').filter((lead) => lead.listId === listId && (status === undefined || lead.status === status)).length;
    },
    async countDialable(listId, rule) {
      return values<Lead>('leads').filter(
        (lead) =>
          lead.listId === listId &&
          lead.calledSinceLastReset === NOT_CALLED_SINCE_RESET &&
          rule.statuses.includes(lead.status) &&
          (rule.calledFewerThan === null || lead.calledCount < rule.calledFewerThan),
      ).length;
    },
    async resetCalledMarks(listId) {
      const called = values<Lead>('leads').filter((lead) => lead.listId === listId && lead.calledSinceLastReset !== NOT_CALLED_SINCE_RESET);
      for (const lead of called) await access.update('leads', String(lead.id), { ...copy(lead), calledSinceLastReset: NOT_CALLED_SINCE_RESET });
      return called.length;
    },
    async nextToDial(campaignId, statuses) {
      const lists = listsOf(campaignId, true);
      return values<Lead>('leads').filter((lead) => lists.has(lead.listId) && statuses.includes(lead.status)).sort((a, b) => a.id - b.id)[0] ?? null;
    },
    async findByPhoneNumber(phoneNumber, listIds) {
      return values<Lead>('leads')
        .filter((lead) => lead.phoneNumber === phoneNumber && (listIds === null || listIds.includes(lead.listId)))
        .sort((a, b) => a.id - b.id);
    },
    async findByFields(fields, listIds) {
      const matched = Object.entries(fields) as [keyof LeadFieldMatch, string | undefined][];
      return values<Lead>('leads')
        .filter((lead) => matched.every(([field, value]) => value === undefined || lead[field] === value) && (listIds === null || listIds.includes(lead.listId)))
        .sort((a, b) => a.id - b.id);
    },
  };

  const leadArchive: LeadArchiveRepository = {
    ...leadTableAccess('archivedLeads'),
    delete(id) {
      return access.remove('archivedLeads', String(id));
    },
  };

  /** The ids of a campaign's lists (only the active ones when asked). */
  const listsOf = (campaignId: string, activeOnly: boolean): Set<number> =>
    new Set(values<LeadList>('leadLists').filter((list) => list.campaignId === campaignId && (list.active || !activeOnly)).map((list) => list.id));

  const statusKey = (status: string, campaignId: string | null): string => `${campaignId ?? ''}\u0000${status}`;
  const leadStatuses: LeadStatusRepository = {
    async find(status, campaignId) {
      const own = campaignId === null ? null : getValue<LeadStatus>('leadStatuses', statusKey(status, campaignId));
      return own ?? getValue<LeadStatus>('leadStatuses', statusKey(status, null));
    },
    async upsert(status) {
      await put('leadStatuses', statusKey(status.status, status.campaignId), status);
    },
  };

  const callbacks: CallbackRepository = {
    async insert(callback) {
      const stored: Callback = { ...copy(callback), id: state.nextSerial('callbacks') };
      await access.insert('callbacks', String(stored.id), stored);
      return copy(stored);
    },
    async listForLead(leadId) {
      return values<Callback>('callbacks')
        .filter((callback) => callback.leadId === leadId)
        .sort((a, b) => a.id - b.id);
    },
    async update(callback) {
      await access.update('callbacks', String(callback.id), copy(callback));
    },
    async deleteForLead(leadId) {
      const removed = await Promise.all(values<Callback>('callbacks').filter((callback) => callback.leadId === leadId).map((callback) => access.remove('callbacks', String(callback.id))));
      return removed.filter(Boolean).length;
    },
  };

  const callbackArchive: CallbackArchiveRepository = {
    async add(given) {
      for (const callback of given) if (!access.read('archivedCallbacks', String(callback.id))) await put('archivedCallbacks', String(callback.id), callback);
    },
    async listForLead(leadId) {
      return values<Callback>('archivedCallbacks')
        .filter((callback) => callback.leadId === leadId)
        .sort((a, b) => a.id - b.id);
    },
  };

  const dncKey = (scope: DncScope, phoneNumber: string): string => `${scope.kind === 'system' ? '' : scope.campaignId}\u0000${scope.kind}\u0000${phoneNumber}`;
  const dnc: DncRepository = {
    async contains(scope, phoneNumber) {
      return access.read('dnc', dncKey(scope, phoneNumber)) !== undefined;
    },
    async add(entry) {
      await put('dnc', dncKey(entry.scope, entry.phoneNumber), entry);
    },
    remove(entry) {
      return access.remove('dnc', dncKey(entry.scope, entry.phoneNumber));
    },
  };

  const leadCalls: LeadCallRepository = {
    async insert(call) {
      await access.insert('leadCalls', call.callId, copy(call));
    },
    async get(callId) {
      return getValue<LeadCall>('leadCalls', callId);
    },
    async update(call) {
      await access.update('leadCalls', call.callId, copy(call));
    },
    async search(criteria, limit) {
      return values<LeadCall>('leadCalls')
        .filter(
          (call) =>
            (criteria.leadId === undefined || call.leadId === criteria.leadId) &&
            (criteria.status === undefined || call.status === criteria.status) &&
            (criteria.phoneNumber === undefined || call.phoneNumber === criteria.phoneNumber) &&
            (criteria.from === undefined || call.startedAt >= criteria.from) &&
            (criteria.to === undefined || call.startedAt < criteria.to),
        )
        .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime() || (a.callId < b.callId ? 1 : a.callId > b.callId ? -1 : 0))
        .slice(0, limit)
        .map(copy);
    },
  };

  const settingsContainers: SettingsContainerRepository = {
    async listOfType(type) {
      return values<SettingsContainer>('settingsContainers')
        .filter((container) => container.type === type)
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
    async upsert(container) {
      await put('settingsContainers', container.id, container);
    },
  };

  const callMenus: CallMenuRepository = {
    async list() {
      return values<CallMenu>('callMenus').sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
    async upsert(menu) {
      await put('callMenus', menu.id, menu);
    },
  };

  const phoneKey = (extension: string, serverIp: string): string => `${extension}\u0000${serverIp}`;
  const byExtensionThenServer = (a: Phone, b: Phone): number =>
    a.extension < b.extension ? -1 : a.extension > b.extension ? 1 : a.serverIp < b.serverIp ? -1 : a.serverIp > b.serverIp ? 1 : 0;
  const phones: PhoneRepository = {
    async get(extension, serverIp) {
      return getValue<Phone>('phones', phoneKey(extension, serverIp));
    },
    async findByLogin(login) {
      return values<Phone>('phones').filter((phone) => phone.login === login).sort(byExtensionThenServer);
    },
    async list() {
      return values<Phone>('phones').sort(byExtensionThenServer);
    },
    async upsert(phone) {
      await put('phones', phoneKey(phone.extension, phone.serverIp), phone);
    },
    async remove(extension, serverIp) {
      return access.remove('phones', phoneKey(extension, serverIp));
    },
  };

  const phoneAliases: PhoneAliasRepository = {
    async get(id) {
      return getValue<PhoneAlias>('phoneAliases', id);
    },
    async upsert(alias) {
      await put('phoneAliases', alias.id, alias);
    },
    async remove(id) {
      return access.remove('phoneAliases', id);
    },
  };

  const voicemailBoxes: VoicemailBoxRepository = {
    async list() {
      return values<VoicemailBox>('voicemailBoxes').sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
    async upsert(box) {
      await put('voicemailBoxes', box.id, box);
    },
  };

  const dids: DidRepository = {
    async get(pattern) {
      return getValue<Did>('dids', pattern);
    },
    async list() {
      return values<Did>('dids').sort((a, b) => a.id - b.id);
    },
    async insert(did) {
      if (access.read<Did>('dids', did.pattern)) return null;
      const stored: Did = { ...copy(did), id: state.nextSerial('dids') };
      await access.insert('dids', did.pattern, stored);
      return copy(stored);
    },
    async upsert(did) {
      const existing = access.read<Did>('dids', did.pattern);
      await put<Did>('dids', did.pattern, { ...copy(did), id: existing?.value.id ?? state.nextSerial('dids') });
    },
    async update(pattern, changes) {
      const existing = access.read<Did>('dids', pattern);
      if (!existing) return null;
      const kept = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
      const stored: Did = { ...existing.value, ...kept };
      await put('dids', pattern, stored);
      return copy(stored);
    },
    async remove(pattern) {
      const existing = getValue<Did>('dids', pattern);
      if (existing) await access.remove('dids', pattern);
      return existing;
    },
    async appendLog(entry) {
      await access.insert('didLog', String(state.nextSerial('didLog')), copy(entry));
    },
    async findLog(search, limit) {
      return access
        .scan<DidLogEntry>('didLog')
        .filter((row) => row.value.did === search.did && row.value.calledAt >= search.from && row.value.calledAt < search.to)
        .sort((a, b) => a.value.calledAt.getTime() - b.value.calledAt.getTime() || a.seq - b.seq)
        .slice(0, limit)
        .map((row) => copy(row.value));
    },
  };

  const phoneCodeKey = (code: Pick<PhoneCode, 'countryCode' | 'areaCode' | 'state'>): string => `${code.countryCode}\u0000${code.areaCode}\u0000${code.state}`;
  const postalCodeKey = (countryCode: string, postalCode: string): string => `${countryCode}\u0000${postalCode}`;
  const byText = <V>(key: (value: V) => string) => (a: V, b: V): number => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  const timeZones: TimeZoneRepository = {
    async findPhoneCodes(query) {
      return values<PhoneCode>('phoneCodes')
        .filter((code) => code.countryCode === query.countryCode)
        .filter((code) => (query.areaCode === undefined || code.areaCode === query.areaCode) && (query.state === undefined || code.state === query.state))
        .filter((code) => query.timeZoneCode === undefined || code.timeZoneCode === query.timeZoneCode)
        .sort(byText((code) => `${code.areaCode}\u0000${code.state}`));
    },
    async findPostalCode(countryCode, postalCode) {
      const found = values<PostalCode>('postalCodes').filter((code) => code.countryCode === countryCode && code.postalCode.startsWith(postalCode));
      return found.sort(byText((code) => code.postalCode))[0] ?? null;
    },
    async listPhoneCodes(page) {
      return pageOf(values<PhoneCode>('phoneCodes'), phoneCodeKey, page);
    },
    async getPhoneCode(countryCode, areaCode, state) {
      return getValue<PhoneCode>('phoneCodes', phoneCodeKey({ countryCode, areaCode, state }));
    },
    async upsertPhoneCode(code) {
      await put('phoneCodes', phoneCodeKey(code), code);
    },
    async listPostalCodes(page) {
      return pageOf(values<PostalCode>('postalCodes'), (code) => postalCodeKey(code.countryCode, code.postalCode), page);
    },
    async getPostalCode(countryCode, postalCode) {
      return getValue<PostalCode>('postalCodes', postalCodeKey(countryCode, postalCode));
    },
    async upsertPostalCode(code) {
      await put('postalCodes', postalCodeKey(code.countryCode, code.postalCode), code);
    },
    async getNanpaPrefix(areaCode, prefix) {
      return getValue<NanpaPrefix>('nanpaPrefixes', `${areaCode}${prefix}`);
    },
    async countNanpaPrefixes() {
      return values<NanpaPrefix>('nanpaPrefixes').length;
    },
    async listNanpaPrefixes(page) {
      return pageOf(values<NanpaPrefix>('nanpaPrefixes'), (code) => `${code.areaCode}${code.prefix}`, page);
    },
    async upsertNanpaPrefix(code) {
      await put('nanpaPrefixes', `${code.areaCode}${code.prefix}`, code);
    },
  };

  // The standard call times are there from the start, as the dialer's table begins with them.
  const callTimeOf = (id: string): CallTime | null => getValue<CallTime>('callTimes', id) ?? STANDARD_CALL_TIMES.find((standard) => standard.id === id) ?? null;
  const callTimes: CallTimeRepository = {
    async get(id) {
      return callTimeOf(id);
    },
    async list(page) {
      const ids = new Set([...values<CallTime>('callTimes').map((callTime) => callTime.id), ...STANDARD_CALL_TIMES.map((standard) => standard.id)]);
      return pageOf([...ids].map((id) => callTimeOf(id)!), (callTime) => callTime.id, page);
    },
    async upsert(callTime) {
      await put('callTimes', callTime.id, callTime);
    },
    async getStateCallTimes(ids) {
      return values<StateCallTime>('stateCallTimes').filter((rule) => ids.includes(rule.id));
    },
    async listStateCallTimes(page) {
      return pageOf(values<StateCallTime>('stateCallTimes'), (rule) => rule.id, page);
    },
    async upsertStateCallTime(rule) {
      await put('stateCallTimes', rule.id, rule);
    },
  };

  const groupAliases: GroupAliasRepository = {
    async get(id) {
      return getValue<GroupAlias>('groupAliases', id);
    },
    async upsert(alias) {
      await put('groupAliases', alias.id, alias);
    },
  };

  const voicemailMessages: VoicemailMessageRepository = {
    async put(message) {
      await put('voicemailMessages', String(message.leadId), message);
    },
    async get(leadId) {
      return getValue<VoicemailMessage>('voicemailMessages', String(leadId));
    },
  };

  const multiDialRequests: MultiDialRequestRepository = {
    async put(request) {
      await put('multiDialRequests', request.agentId, request);
    },
    async get(agentId) {
      return getValue<MultiDialRequest>('multiDialRequests', agentId);
    },
  };

  const notifications: AgentNotificationRepository = {
    async insert(notification) {
      const stored: AgentNotification = { ...copy(notification), id: state.nextSerial('notifications') };
      await access.insert('notifications', String(stored.id), stored);
      return copy(stored);
    },
    async get(id) {
      return getValue<AgentNotification>('notifications', String(id));
    },
  };

  const manualDialQueue: ManualDialQueueRepository = {
    async add(entry) {
      const stored: QueuedManualDial = { ...copy(entry), id: state.nextSerial('manualDialQueue') };
      await access.insert('manualDialQueue', String(stored.id), stored);
      return copy(stored);
    },
    async listForAgent(agentId) {
      return values<QueuedManualDial>('manualDialQueue')
        .filter((entry) => entry.agentId === agentId)
        .sort((a, b) => a.id - b.id);
    },
    async remove(id) {
      await access.remove('manualDialQueue', String(id));
    },
  };

  const hopper: HopperRepository = {
    async add(entry) {
      const stored: HopperEntry = { ...copy(entry), id: state.nextSerial('hopper') };
      await access.insert('hopper', String(stored.id), stored);
      return copy(stored);
    },
    async findForLead(leadId) {
      return values<HopperEntry>('hopper').find((entry) => entry.leadId === leadId) ?? null;
    },
    async remove(id) {
      await access.remove('hopper', String(id));
    },
    async removeForLead(leadId) {
      for (const entry of values<HopperEntry>('hopper').filter((each) => each.leadId === leadId)) await access.remove('hopper', String(entry.id));
    },
    async takeFirstReady(campaignId) {
      const first = values<HopperEntry>('hopper')
        .filter((entry) => entry.campaignId === campaignId && entry.status === 'READY')
        .sort((a, b) => b.priority - a.priority || a.id - b.id)[0];
      if (!first) return null;
      await access.remove('hopper', String(first.id));
      return copy(first);
    },
    async listForCampaign(campaignId) {
      return values<HopperEntry>('hopper')
        .filter((entry) => entry.campaignId === campaignId)
        .sort((a, b) => b.priority - a.priority || a.id - b.id);
    },
  };

  const adminKeys: AdminKeyRepository = {
    async findBySha256(keySha256) {
      return values<AdminKey>('adminKeys').find((key) => key.keySha256 === keySha256) ?? null;
    },
    async get(name) {
      return getValue<AdminKey>('adminKeys', name);
    },
    async list(page) {
      return pageOf(values<AdminKey>('adminKeys'), (key) => key.name, page);
    },
    async upsert(key) {
      await put('adminKeys', key.name, key);
    },
    async delete(name) {
      return access.remove('adminKeys', name);
    },
  };

  const numberKey = (batchId: string, position: number): string => `${batchId}\u0000${position}`;
  const setNumberState = async (batchId: string, position: number, change: Partial<BroadcastNumber>): Promise<void> => {
    await access.modify<BroadcastNumber>('voiceBroadcastNumbers', numberKey(batchId, position), (entry) => (entry.state === 'pending' ? { ...entry, ...change } : entry));
  };
  const voiceBroadcasts: VoiceBroadcastQueueRepository = {
    async insert(batch, numbers) {
      const entry: BroadcastBatchEntry = { batch: copy(batch), numberCount: numbers.length, nextPosition: 0, turn: state.nextSerial('voiceBroadcastTurns') };
      await access.insert('voiceBroadcastBatches', batch.id, entry);
      for (const [position, number] of numbers.entries()) {
        await access.insert<BroadcastNumber>('voiceBroadcastNumbers', numberKey(batch.id, position), { batchId: batch.id, position, number, state: 'pending', callId: null });
      }
    },
    async countPending() {
      return values<BroadcastBatchEntry>('voiceBroadcastBatches').reduce((sum, entry) => sum + entry.numberCount - entry.nextPosition, 0);
    },
    async claimNext(): Promise<ClaimedBroadcastNumber | null> {
      const waiting = values<BroadcastBatchEntry>('voiceBroadcastBatches')
        .filter((entry) => entry.nextPosition < entry.numberCount)
        .sort((a, b) => a.turn - b.turn);
      // FOR UPDATE SKIP LOCKED: a batch another transaction is claiming from is passed over, not waited for.
      for (const entry of waiting) {
        const claimed = { ...entry, nextPosition: entry.nextPosition + 1, turn: state.nextSerial('voiceBroadcastTurns') };
        if (!access.writeUnlessLocked('voiceBroadcastBatches', entry.batch.id, claimed)) continue;
        const number = getValue<BroadcastNumber>('voiceBroadcastNumbers', numberKey(entry.batch.id, entry.nextPosition))!;
        return { batch: entry.batch, position: number.position, number: number.number, last: claimed.nextPosition === entry.numberCount };
      }
      return null;
    },
    async markPlaced(batchId, position, callId) {
      await setNumberState(batchId, position, { state: 'placed', callId });
    },
    async markDropped(batchId, position) {
      await setNumberState(batchId, position, { state: 'dropped' });
    },
    async dropPending(batchId) {
      await access.modify<BroadcastBatchEntry>('voiceBroadcastBatches', batchId, (entry) => ({ ...entry, nextPosition: entry.numberCount }));
      const pending = values<BroadcastNumber>('voiceBroadcastNumbers').filter((entry) => entry.batchId === batchId && entry.state === 'pending');
      for (const entry of pending) await setNumberState(batchId, entry.position, { state: 'dropped' });
      return pending.length;
    },
    async liveCallIds() {
      return values<BroadcastNumber>('voiceBroadcastNumbers')
        .map((entry) => (entry.callId === null ? null : getValue<Call>('calls', entry.callId)))
        .filter((call): call is Call => call !== null && call.state !== 'ended')
        .map((call) => call.id)
        .sort();
    },
    async numbersOf(batchId) {
      return values<BroadcastNumber>('voiceBroadcastNumbers')
        .filter((entry) => entry.batchId === batchId)
        .sort((a, b) => a.position - b.position);
    },
    async removeFinished(endedBefore) {
      const before = endedBefore.getTime();
      const endedInTime = (entry: BroadcastNumber): boolean => {
        if (entry.callId === null) return true;
        const placed = getValue<Call>('calls', entry.callId);
        return placed === null || (placed.state === 'ended' && placed.endedAt !== null && placed.endedAt.getTime() < before);
      };
      let removed = 0;
      for (const entry of values<BroadcastBatchEntry>('voiceBroadcastBatches')) {
        if (entry.nextPosition < entry.numberCount || entry.batch.queuedAt.getTime() >= before) continue;
        const numbers = values<BroadcastNumber>('voiceBroadcastNumbers').filter((number) => number.batchId === entry.batch.id);
        if (!numbers.every(endedInTime)) continue;
        for (const number of numbers) await access.remove('voiceBroadcastNumbers', numberKey(number.batchId, number.position));
        await access.remove('voiceBroadcastBatches', entry.batch.id);
        removed += 1;
      }
      return removed;
    },
  };

  // Row locks are the Postgres store's: here one feeder at a time is what the tests run.
  const webhooks: WebhookSubscriptionRepository = {
    async insert(subscription) {
      await put('webhooks', subscription.id, subscription);
    },
    async get(id) {
      return getValue<WebhookSubscription>('webhooks', id);
    },
    async list(page) {
      return pageOf(values<WebhookSubscription>('webhooks'), (subscription) => subscription.id, page);
    },
    async lockForFeeding(id) {
      return getValue<WebhookSubscription>('webhooks', id);
    },
    async advance(id, after) {
      const subscription = getValue<WebhookSubscription>('webhooks', id);
      if (subscription) await put('webhooks', id, { ...subscription, after });
    },
    async delete(id) {
      return access.remove('webhooks', id);
    },
  };

  const userGroups: UserGroupRepository = {
    async get(id) {
      return getValue<UserGroup>('userGroups', id);
    },
    async list(page) {
      return pageOf(values<UserGroup>('userGroups'), (group) => group.id, page);
    },
    async upsert(group) {
      await put('userGroups', group.id, group);
    },
  };

  const liveAgentOf = (session: AgentSession): LiveAgent | null => {
    const agent = getValue<Agent>('agents', session.agentId);
    if (!agent) return null;
    const lead = session.lead === null ? null : getValue<Lead>('leads', String(session.lead.leadId));
    const call = session.currentCallId === null ? null : getValue<Call>('calls', session.currentCallId);
    return {
      agent,
      session,
      lead: lead && { phoneNumber: lead.phoneNumber, vendorLeadCode: lead.vendorLeadCode },
      call: call && ({ id: call.id, purpose: call.purpose, progress: call.progress } as LiveAgentCall),
    };
  };
  const liveAgents: LiveAgentReader = {
    async list() {
      return (await sessions.list()).map(liveAgentOf).filter((live): live is LiveAgent => live !== null);
    },
    async get(agentId) {
      const session = getValue<AgentSession>('sessions', agentId);
      return session && liveAgentOf(session);
    },
  };

  return {
    apiUsers,
    userGroups,
    agents,
    sessions,
    agentStateSpans,
    liveAgents,
    extensions,
    extensionGroups,
    trunks,
    queues,
    calls,
    playbacks,
    recordings,
    cdrs,
    mailbox,
    outbox,
    tokens,
    campaigns,
    leadLists,
    listCustomFields,
    leads,
    leadArchive,
    leadStatuses,
    callbacks,
    callbackArchive,
    dnc,
    leadCalls,
    groupAliases,
    dids,
    settingsContainers,
    callMenus,
    voicemailBoxes,
    phones,
    phoneAliases,
    timeZones,
    callTimes,
    voicemailMessages,
    multiDialRequests,
    notifications,
    manualDialQueue,
    hopper,
    adminKeys,
    voiceBroadcasts,
    webhooks,
    eventLog: createEventLog(access, state),
  };
}

/**
 * The event log, ordered as Postgres orders it: by the number of the
 * transaction that appended (taken at its first append), then by serial; a
 * reader is given only entries of transactions numbered below every one
 * still running, so one that commits late is never skipped.
 */
function createEventLog(access: Access, state: StoreState): EventLogRepository {
  const finishedBelow = (): number => Math.min(Infinity, ...state.eventLogWriters);
  const entries = (): EventLogEntry[] =>
    access
      .scan<EventLogEntry>('eventLog')
      .map((row) => structuredClone(row.value))
      .sort((a, b) => compareEventLogIds(a.id, b.id));
  const txOf = (entry: EventLogEntry): number => Number(parseEventLogId(entry.id)!.tx);
  const prunedThrough = (): string => access.read<string>('eventLogPruned', 'horizon')?.value ?? EVENT_LOG_START;
  return {
    async append(batch) {
      if (batch.length === 0) return;
      const tx = access.eventLogTx();
      for (const entry of batch) {
        const id = eventLogId({ tx: BigInt(tx), serial: BigInt(state.nextSerial('eventLog')) });
        await access.insert<EventLogEntry>('eventLog', id, structuredClone({ ...entry, id }));
      }
      access.mailboxAppended(EVENT_LOG_SIGNAL.agentId, EVENT_LOG_SIGNAL.channel);
    },
    async readAfter(afterId, filter, limit) {
      const below = finishedBelow();
      const passes = (entry: EventLogEntry): boolean =>
        compareEventLogIds(entry.id, afterId) > 0 &&
        txOf(entry) < below &&
        (filter.topics.length === 0 || filter.topics.includes(entry.topic)) &&
        (filter.tenant === undefined || entry.tenant === filter.tenant);
      const all = entries();
      return { entries: all.filter(passes).slice(0, limit), prunedThrough: prunedThrough(), held: all.some((entry) => txOf(entry) >= below) };
    },
    async lastId() {
      const below = finishedBelow();
      const newest = entries()
        .filter((entry) => txOf(entry) < below)
        .at(-1)?.id;
      const pruned = prunedThrough();
      return newest !== undefined && compareEventLogIds(newest, pruned) > 0 ? newest : pruned;
    },
    async prune(before) {
      let removed = 0;
      let highest = prunedThrough();
      const below = finishedBelow();
      for (const entry of entries()) {
        if (entry.at.getTime() >= before.getTime() || txOf(entry) >= below) continue;
        if (await access.remove('eventLog', entry.id)) removed += 1;
        if (compareEventLogIds(entry.id, highest) > 0) highest = entry.id;
      }
      if (removed > 0 && !(await access.update<string>('eventLogPruned', 'horizon', highest))) {
        await access.insert<string>('eventLogPruned', 'horizon', highest);
      }
      return removed;
    },
  };
}

/** Text keys in code-point order, as Postgres compares them under the C collation the tests use. */
function pageOf<T>(rows: T[], key: (row: T) => string, page: PageRequest): T[] {
  return rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).slice(page.offset, page.offset + page.limit);
}
