/// <reference types="jest" />
import { compareEventLogIds, EVENT_LOG_SIGNAL, EVENT_LOG_START, parseEventLogId, type NewEventLogEntry } from '@pbx-gateway/core';
import type { EventLogFilter, EventLogPage, EventLogRepository } from '@pbx-gateway/core';
import { at, freshStore, type MakeStore } from './contract-store';

const entry = (fields: Partial<NewEventLogEntry> = {}): NewEventLogEntry => ({
  at: at('2024-05-01T09:00:00.000Z'),
  tenant: null,
  topic: 'agents',
  type: 'AgentStateChanged',
  data: { agentId: '1000', to: 'paused', nested: { list: [1, 'two', null] } },
  ...fields,
});

/**
 * Reads once no committed entry waits any more: on a shared Postgres, any
 * other transaction running on the server holds entries back until it ends.
 */
async function settled(log: EventLogRepository, after: string, filter: EventLogFilter = { topics: [] }): Promise<EventLogPage> {
  const until = Date.now() + 10_000;
  for (;;) {
    const page = await log.readAfter(after, filter, 100);
    if (!page.held || Date.now() > until) return page;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function eventLogContract(makeStore: MakeStore): void {
  describe('event log', () => {
    const store = freshStore(makeStore);

    it('keeps entries as appended, ids growing, and reads them after an id by topic and tenant', async () => {
      const log = store().direct.eventLog;
      const start = await log.lastId();
      await store().transaction(async (tx) => {
        await tx.eventLog.append([]);
        await tx.eventLog.append([
          entry(),
          entry({ topic: 'calls', type: 'CallEnded', tenant: 'acme', data: { callId: 'c1' } }),
          entry({ topic: 'calls', type: 'LegAnswered', tenant: null, data: { callId: 'c2' } }),
        ]);
      });
      const all = (await settled(log, start)).entries;
      expect(all.map((row) => row.type)).toEqual(['AgentStateChanged', 'CallEnded', 'LegAnswered']);
      expect(all[0]).toEqual({ ...entry(), id: all[0]!.id });
      expect(all.every((row) => parseEventLogId(row.id) !== null)).toBe(true);
      expect(compareEventLogIds(start, all[0]!.id) < 0 && compareEventLogIds(all[0]!.id, all[1]!.id) < 0 && compareEventLogIds(all[1]!.id, all[2]!.id) < 0).toBe(true);
      expect(await log.lastId()).toBe(all[2]!.id);
      expect((await log.readAfter(start, { topics: ['calls'] }, 100)).entries.map((row) => row.type)).toEqual(['CallEnded', 'LegAnswered']);
      expect((await log.readAfter(start, { topics: [], tenant: 'acme' }, 100)).entries.map((row) => row.type)).toEqual(['CallEnded']);
      expect((await log.readAfter(start, { topics: [], tenant: null }, 100)).entries.map((row) => row.type)).toEqual(['AgentStateChanged', 'LegAnswered']);
      expect((await log.readAfter(start, { topics: [] }, 2)).entries).toHaveLength(2);
      expect((await log.readAfter(all[2]!.id, { topics: [] }, 100)).entries).toEqual([]);
    });

    it('delivers an entry of a transaction that commits after a later-started one, after it, neither lost nor repeated', async () => {
      const log = store().direct.eventLog;
      const start = await log.lastId();
      const gate = <T = void>(): { promise: Promise<T>; open: (value: T) => void } => {
        let open!: (value: T) => void;
        return { promise: new Promise<T>((resolve) => (open = resolve)), open };
      };
      const earlierAppended = gate();
      const earlierMayCommit = gate();
      // The earlier transaction appends first and stays open while the later one appends and commits.
      const earlier = store().transaction(async (tx) => {
        await tx.eventLog.append([entry({ type: 'Earlier' })]);
        earlierAppended.open();
        await earlierMayCommit.promise;
      });
      await earlierAppended.promise;
      await store().transaction(async (tx) => tx.eventLog.append([entry({ type: 'Later' }), entry({ type: 'LaterToo' })]));

      // A reader in between is given nothing yet: the later entries wait behind the earlier transaction still running.
      const between = await log.readAfter(start, { topics: [] }, 100);
      expect(between.entries).toEqual([]);
      expect(between.held).toBe(true);
      const resumeFrom = await log.lastId();
      expect(resumeFrom).toBe(start);

      earlierMayCommit.open();
      await earlier;
      const after = await settled(log, resumeFrom);
      expect(after.entries.map((row) => row.type)).toEqual(['Earlier', 'Later', 'LaterToo']);
      expect(after.held).toBe(false);
      const ids = after.entries.map((row) => row.id);
      expect(ids.every((id, index) => index === 0 || compareEventLogIds(ids[index - 1]!, id) < 0)).toBe(true);
      // Resuming after each one gives exactly what follows it.
      expect((await log.readAfter(ids[0]!, { topics: [] }, 100)).entries.map((row) => row.type)).toEqual(['Later', 'LaterToo']);
      expect((await log.readAfter(ids[2]!, { topics: [] }, 100)).entries).toEqual([]);
      expect(await log.lastId()).toBe(ids[2]);
    });

    it('wakes readers when an append commits, not when it rolls back', async () => {
      const signals = store().mailboxSignals;
      const version = signals.version(EVENT_LOG_SIGNAL.agentId, EVENT_LOG_SIGNAL.channel);
      await expect(
        store().transaction(async (tx) => {
          await tx.eventLog.append([entry({ type: 'RolledBack' })]);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      const woken = signals.wait(EVENT_LOG_SIGNAL.agentId, EVENT_LOG_SIGNAL.channel, 5000, undefined, version);
      await store().transaction(async (tx) => tx.eventLog.append([entry({ type: 'Committed' })]));
      await woken;
      expect(signals.version(EVENT_LOG_SIGNAL.agentId, EVENT_LOG_SIGNAL.channel)).toBeGreaterThan(version);
      const types = (await settled(store().direct.eventLog, EVENT_LOG_START)).entries.map((row) => row.type);
      expect(types).toContain('Committed');
      expect(types).not.toContain('RolledBack');
    });

    it('prunes entries older than a moment and remembers the highest id it removed', async () => {
      const log = store().direct.eventLog;
      const start = await log.lastId();
      await store().transaction(async (tx) => {
        await tx.eventLog.append([entry({ type: 'Old', at: at('2000-01-01T00:00:00.000Z') }), entry({ type: 'New', at: at('2099-01-01T00:00:00.000Z') })]);
      });
      const [old, recent] = (await settled(log, start)).entries;
      expect(await log.prune(at('2050-01-01T00:00:00.000Z'))).toBeGreaterThanOrEqual(1);
      const page = await log.readAfter(start, { topics: [] }, 100);
      expect(page.entries.map((row) => row.id)).toEqual([recent!.id]);
      expect(compareEventLogIds(page.prunedThrough, old!.id)).toBeGreaterThanOrEqual(0);
      expect(compareEventLogIds(page.prunedThrough, recent!.id)).toBeLessThan(0);
      expect(await log.prune(at('2050-01-01T00:00:00.000Z'))).toBe(0);
      expect(await log.lastId()).toBe(recent!.id);
      await store().direct.eventLog.prune(at('2100-01-01T00:00:00.000Z'));
      // With every entry gone, a reader starting now starts after the last one removed.
      expect(await log.lastId()).toBe((await log.readAfter(start, { topics: [] }, 100)).prunedThrough);
    });
  });
}
