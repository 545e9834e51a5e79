/// <reference types="jest" />
import { leadFieldsWith, type Campaign, type NewLead, type Recording } from '@pbx-gateway/core';
import { agent } from '../test-core/fixtures';
import { at, freshStore, type MakeStore } from './contract-store';

const newLead = (listId: number, phoneNumber: string, overrides: Partial<NewLead> = {}): NewLead => ({
  listId,
  entryListId: listId,
  status: 'NEW',
  user: '6666',
  entryDate: at('2024-05-01T10:00:00.000Z'),
  modifyDate: at('2024-05-01T10:00:00.000Z'),
  calledCount: 0,
  calledSinceLastReset: 'N',
  ...leadFieldsWith({ phoneNumber }),
  ...overrides,
});

const campaign = (id: string): Campaign => ({
  id,
  name: id,
  active: true,
  dialMethod: 'MANUAL',
  allowInbound: false,
  manualDialListId: null,
  apiManualDial: 'STANDARD',
  manualPreviewDial: 'DISABLED',
  altNumberDialing: false,
  agentLeadSearch: 'DISABLED',
  defaultXferGroup: null,
  parkExt: null,
  campaignCid: null,
  dialPrefix: '',
  useOtherCampaignDnc: null,
  settings: {},
});

const recording = (id: string, overrides: Partial<Recording> = {}): Recording => ({
  id,
  name: id,
  format: 'wav',
  location: `${id}.wav`,
  agentId: '1000',
  bridgeId: 'agent-1000.conf',
  callId: null,
  leadId: null,
  pausedAt: null,
  state: 'finished',
  createdAt: at('2024-05-01T10:00:00.000Z'),
  startedAt: at('2024-05-01T10:00:00.000Z'),
  endedAt: at('2024-05-01T10:01:00.000Z'),
  durationSec: 60,
  ...overrides,
});

/** The look-ups the Non-Agent functions make: leads and lists, agents by number, recordings. */
export function lookupContract(makeStore: MakeStore): void {
  describe('look-ups', () => {
    const store = freshStore(makeStore);

    it("lists a campaign's lists by id", async () => {
      const lists = store().direct.leadLists;
      await store().direct.campaigns.upsert(campaign('C1'));
      await store().direct.campaigns.upsert(campaign('C2'));
      await lists.upsert({ id: 12, name: 'b', campaignId: 'C1', active: true });
      await lists.upsert({ id: 11, name: 'a', campaignId: 'C1', active: true });
      await lists.upsert({ id: 13, name: 'c', campaignId: 'C2', active: true });
      expect((await lists.listOfCampaign('C1')).map((list) => list.id)).toEqual([11, 12]);
      expect(await lists.listOfCampaign('NONE')).toEqual([]);
      expect(await lists.delete(12)).toBe(true);
      expect(await lists.delete(12)).toBe(false);
      expect((await lists.listOfCampaign('C1')).map((list) => list.id)).toEqual([11]);
    });

    it('finds leads by number, vendor code, phone number and lists, in lead order, up to a limit', async () => {
      const leads = store().direct.leads;
      const a = await leads.insert(newLead(11, '3125550001', { vendorLeadCode: 'V' }));
      const b = await leads.insert(newLead(12, '3125550001', { vendorLeadCode: 'V' }));
      const c = await leads.insert(newLead(13, '3125550002', { vendorLeadCode: 'W' }));
      expect((await leads.search({ vendorLeadCode: 'V' }, 10)).map((lead) => lead.id)).toEqual([a.id, b.id]);
      expect((await leads.search({ vendorLeadCode: 'V' }, 1)).map((lead) => lead.id)).toEqual([a.id]);
      expect((await leads.search({ phoneNumber: '3125550001', listIds: [12, 13] }, 10)).map((lead) => lead.id)).toEqual([b.id]);
      expect(await leads.search({ leadId: c.id }, 10)).toEqual([c]);
      expect(await leads.search({ leadId: c.id, vendorLeadCode: 'V' }, 10)).toEqual([]);
      expect(await leads.search({ leadId: c.id, listIds: [] }, 10)).toEqual([]);
      expect((await leads.findByPhoneNumber('3125550001', null)).map((lead) => lead.id)).toEqual([a.id, b.id]);
      expect((await leads.findByPhoneNumber('3125550001', [11])).map((lead) => lead.id)).toEqual([a.id]);
    });

    it('finds leads holding every field given (empty text matching empty), in these lists, in lead order', async () => {
      const leads = store().direct.leads;
      const a = await leads.insert(newLead(21, '3125550001', { title: 'MR', altPhone: '3125550009', firstName: 'Ann', lastName: 'Lee' }));
      const b = await leads.insert(newLead(22, '3125550009', { title: 'MR', altPhone: '3125550009', firstName: 'Ann', lastName: 'Ray' }));
      const c = await leads.insert(newLead(22, '3125550002'));
      expect((await leads.findByFields({ title: 'MR', altPhone: '3125550009' }, null)).map((lead) => lead.id)).toEqual([a.id, b.id]);
      expect((await leads.findByFields({ title: 'MR', altPhone: '3125550009' }, [22])).map((lead) => lead.id)).toEqual([b.id]);
      expect((await leads.findByFields({ firstName: 'Ann', lastName: 'Lee', phoneNumber: '3125550001' }, null)).map((lead) => lead.id)).toEqual([a.id]);
      expect((await leads.findByFields({ altPhone: '3125550001' }, null)).map((lead) => lead.id)).toEqual([]);
      expect((await leads.findByFields({ title: '', altPhone: '' }, [21, 22])).map((lead) => lead.id)).toEqual([c.id]);
    });

    it('adds an agent only under a free id, and knows the highest numeric id', async () => {
      const agents = store().direct.agents;
      expect(await agents.highestNumericId()).toBeNull();
      expect(await agents.insert(agent('900'))).toBe(true);
      expect(await agents.insert({ ...agent('900'), name: 'Other' })).toBe(false);
      expect((await agents.get('900'))?.name).not.toBe('Other');
      await agents.insert(agent('1200'));
      await agents.insert(agent('agent-x'));
      expect(await agents.highestNumericId()).toBe(1200);
      expect(await agents.delete('1200')).toBe(true);
      expect(await agents.get('1200')).toBeNull();
      expect(await agents.delete('1200')).toBe(false);
      expect(await agents.highestNumericId()).toBe(900);
    });

    it('finds recordings by agent, lead, call and creation time, oldest first', async () => {
      const recordings = store().direct.recordings;
      await recordings.insert(recording('agent-1000.r2', { leadId: 7, createdAt: at('2024-05-02T10:00:00.000Z') }));
      await recordings.insert(recording('agent-1000.r1', { callId: null }));
      await recordings.insert(recording('agent-2000.r3', { agentId: '2000', leadId: 7 }));
      expect((await recordings.search({ agentId: '1000' })).map((found) => found.id)).toEqual(['agent-1000.r1', 'agent-1000.r2']);
      expect((await recordings.search({ leadId: 7 })).map((found) => found.id)).toEqual(['agent-2000.r3', 'agent-1000.r2']);
      expect((await recordings.search({ agentId: '1000', from: at('2024-05-02T00:00:00.000Z'), to: at('2024-05-03T00:00:00.000Z') })).map((found) => found.id)).toEqual(['agent-1000.r2']);
      expect(await recordings.search({ callId: 'nope' })).toEqual([]);
    });

    it('stores a recording under a name the client chose only while no other recording has it', async () => {
      const recordings = store().direct.recordings;
      expect(await recordings.insertIfNameFree(recording('call-1.rec-a', { name: 'crm/42' }))).toBe(true);
      expect(await recordings.insertIfNameFree(recording('call-2.rec-b', { name: 'crm/42' }))).toBe(false);
      expect(await recordings.get('call-2.rec-b')).toBeNull();
      expect((await recordings.getByName('crm/42'))?.id).toBe('call-1.rec-a');
    });

    it("changes a recording only until it has ended: a second end, also one racing it in another transaction, or a pause after the end stores nothing", async () => {
      const recordings = store().direct.recordings;
      const live = recording('call-3.rec-c', { state: 'recording', endedAt: null, durationSec: null });
      await recordings.insert(live);
      const endedAt = (second: number): Recording => ({ ...live, state: 'finished', endedAt: at(`2024-05-01T10:00:${second}.000Z`), durationSec: second });
      let release!: () => void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const order: string[] = [];
      const first = store().transaction(async (tx) => {
        order.push(`first ended: ${await tx.recordings.updateUnlessEnded(endedAt(10))}`);
        await held;
      });
      while (order.length === 0) await new Promise((resolve) => setImmediate(resolve));
      const second = store().transaction(async (tx) => {
        order.push(`second ended: ${await tx.recordings.updateUnlessEnded(endedAt(11))}`);
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      release();
      await Promise.all([first, second]);
      expect(order).toEqual(['first ended: true', 'second ended: false']);
      expect(await recordings.get(live.id)).toEqual(endedAt(10));
      expect(await recordings.updateUnlessEnded({ ...endedAt(12), state: 'failed' })).toBe(false);
      expect(await recordings.updateUnlessEnded({ ...live, pausedAt: at('2024-05-01T10:00:12.000Z') })).toBe(false);
      expect(await recordings.get(live.id)).toEqual(endedAt(10));
      expect(await recordings.updateUnlessEnded({ ...recording('nobody'), state: 'finished' })).toBe(false);
    });
  });
}
