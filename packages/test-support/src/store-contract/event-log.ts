/// <reference types="jest" />
import { EVENT_LOG_SIGNAL, type NewEventLogEntry } from '@pbx-gateway/core';
import { at, freshStore, type MakeStore } from './contract-store';

const entry = (fields: Partial<NewEventLogEntry> = {}): NewEventLogEntry => ({
  at: at('2024-05-01T09:00:00.000Z'),
  tenant: null,
  topic: 'agents',
  type: 'AgentStateChanged',
  data: { agentId: '1000', to: 'paused', nested: { list: [1, 'two', null] } },
  ...fields,
});

export function eventLogContract(makeStore: MakeStore): void {
  describe('event log', () => {
    const store = freshStore(makeStore);

    it('keeps entries as appended, ids growing, and reads them after an id by topic and tenant', async () => {
      const log = store().direct.eventLog;
      const start = await log.lastId();
      await store().transaction(async (tx) => {
        await tx.eventLog.append(entry());
        await tx.eventLog.append(entry({ topic: 'calls', type: 'CallEnded', tenant: 'acme', data: { callId: 'c1' } }));
        await tx.eventLog.append(entry({ topic: 'calls', type: 'LegAnswered', tenant: null, data: { callId: 'c2' } }));
      });
      const all = (await log.readAfter(start, { topics: [] }, 100)).entries;
      expect(all.map((row) => row.type)).toEqual(['AgentStateChanged', 'CallEnded', 'LegAnswered']);
      expect(all[0]).toEqual({ ...entry(), id: all[0]!.id });
      const ids = all.map((row) => BigInt(row.id));
      expect(ids[0]! > BigInt(start) && ids[0]! < ids[1]! && ids[1]! < ids[2]!).toBe(true);
      expect(await log.lastId()).toBe(all[2]!.id);
      expect((await log.readAfter(start, { topics: ['calls'] }, 100)).entries.map((row) => row.type)).toEqual(['CallEnded', 'LegAnswered']);
      expect((await log.readAfter(start, { topics: [], tenant: 'acme' }, 100)).entries.map((row) => row.type)).toEqual(['CallEnded']);
      expect((await log.readAfter(start, { topics: [], tenant: null }, 100)).entries.map((row) => row.type)).toEqual(['AgentStateChanged', 'LegAnswered']);
      expect((await log.readAfter(start, { topics: [] }, 2)).entries).toHaveLength(2);
      expect((await log.readAfter(all[2]!.id, { topics: [] }, 100)).entries).toEqual([]);
    });

    it('hands out ids in commit order: an entry appended while another transaction holds an earlier one gets the later id, and neither is read before it commits', async () => {
      const log = store().direct.eventLog;
      const start = await log.lastId();
      let releaseFirst!: () => void;
      const firstMayCommit = new Promise<void>((resolve) => (releaseFirst = resolve));
      let firstAppended!: () => void;
      const firstHasAppended = new Promise<void>((resolve) => (firstAppended = resolve));
      const first = store().transaction(async (tx) => {
        await tx.eventLog.append(entry({ type: 'First' }));
        firstAppended();
        await firstMayCommit;
      });
      await firstHasAppended;
      const second = store().transaction(async (tx) => tx.eventLog.append(entry({ type: 'Second' })));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((await log.readAfter(start, { topics: [] }, 100)).entries).toEqual([]);
      releaseFirst();
      await Promise.all([first, second]);
      expect((await log.readAfter(start, { topics: [] }, 100)).entries.map((row) => row.type)).toEqual(['First', 'Second']);
    });

    it('wakes readers when an append commits, not when it rolls back', async () => {
      const signals = store().mailboxSignals;
      const version = signals.version(EVENT_LOG_SIGNAL.agentId, EVENT_LOG_SIGNAL.channel);
      await expect(
        store().transaction(async (tx) => {
          await tx.eventLog.append(entry({ type: 'RolledBack' }));
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      const woken = signals.wait(EVENT_LOG_SIGNAL.agentId, EVENT_LOG_SIGNAL.channel, 5000, undefined, version);
      await store().transaction(async (tx) => tx.eventLog.append(entry({ type: 'Committed' })));
      await woken;
      expect(signals.version(EVENT_LOG_SIGNAL.agentId, EVENT_LOG_SIGNAL.channel)).toBeGreaterThan(version);
      const types = (await store().direct.eventLog.readAfter('0', { topics: [] }, 1000)).entries.map((row) => row.type);
      expect(types).toContain('Committed');
      expect(types).not.toContain('RolledBack');
    });

    it('prunes entries older than a moment and remembers the highest id it removed', async () => {
      const log = store().direct.eventLog;
      const start = await log.lastId();
      await store().transaction(async (tx) => {
        await tx.eventLog.append(entry({ type: 'Old', at: at('2000-01-01T00:00:00.000Z') }));
        await tx.eventLog.append(entry({ type: 'New', at: at('2099-01-01T00:00:00.000Z') }));
      });
      const [old, recent] = (await log.readAfter(start, { topics: [] }, 100)).entries;
      expect(await log.prune(at('2050-01-01T00:00:00.000Z'))).toBeGreaterThanOrEqual(1);
      const page = await log.readAfter(start, { topics: [] }, 100);
      expect(page.entries.map((row) => row.id)).toEqual([recent!.id]);
      expect(BigInt(page.prunedThrough) >= BigInt(old!.id)).toBe(true);
      expect(await log.prune(at('2050-01-01T00:00:00.000Z'))).toBe(0);
    });
  });
}
