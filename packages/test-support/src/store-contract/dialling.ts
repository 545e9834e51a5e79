/// <reference types="jest" />
import { agent } from '../test-core/fixtures';
import { at, freshStore, type MakeStore } from './contract-store';
import { campaign, newLead, session } from './rows';

const ORIGIN = { dialect: 'vicidial', operation: 'external_dial', apiUserId: 'vicidial:6666' };

/** What manual dialling keeps: caller-id aliases, each agent's queue of numbers, leads by number, a session's previewed lead. */
export function diallingContract(makeStore: MakeStore): void {
  describe('manual dialling', () => {
    const store = freshStore(makeStore);
    beforeAll(async () => {
      const direct = store().direct;
      for (const id of ['CAMP', 'OTHER']) await direct.campaigns.upsert(campaign(id));
      await direct.leadLists.upsert({ id: 10, name: 'Active', campaignId: 'CAMP', active: true });
      await direct.leadLists.upsert({ id: 11, name: 'Inactive', campaignId: 'CAMP', active: false });
      await direct.leadLists.upsert({ id: 20, name: 'Other', campaignId: 'OTHER', active: true });
      for (const id of ['d1', 'd2']) await direct.agents.upsert(agent(id));
    });

    it("keeps an agent's rank and grade per campaign: all campaigns or one, the value not given kept", async () => {
      const direct = store().direct;
      expect(await direct.campaigns.putAgentRanks('d1', { rank: -4, grade: 6 }, null)).toBe(2);
      expect(await direct.campaigns.putAgentRanks('d1', { rank: 9 }, 'OTHER')).toBe(1);
      expect(await direct.campaigns.putAgentRanks('d1', { grade: 2 }, 'NONE')).toBe(0);
      expect(await direct.campaigns.putAgentRanks('d2', { grade: 3 }, 'CAMP')).toBe(1);
      expect(await direct.campaigns.agentRanks('d1')).toEqual([
        { agentId: 'd1', campaignId: 'CAMP', rank: -4, grade: 6 },
        { agentId: 'd1', campaignId: 'OTHER', rank: 9, grade: 6 },
      ]);
      expect(await direct.campaigns.agentRanks('d2')).toEqual([{ agentId: 'd2', campaignId: 'CAMP', rank: 0, grade: 3 }]);
    });

    it('stores a caller-id alias and replaces it by id', async () => {
      const alias = { id: 'ALIAS', callerIdNumber: '3125550000', callerIdName: `O'Brien "sales"`, active: true };
      await store().direct.groupAliases.upsert(alias);
      expect(await store().direct.groupAliases.get('ALIAS')).toEqual(alias);
      await store().direct.groupAliases.upsert({ ...alias, active: false, callerIdNumber: '' });
      expect(await store().direct.groupAliases.get('ALIAS')).toEqual({ ...alias, active: false, callerIdNumber: '' });
      expect(await store().direct.groupAliases.get('NONE')).toBeNull();
    });

    it("keeps one voicemail message per lead, the files in order, replaced by the next", async () => {
      const lead = await store().direct.leads.insert(newLead({ listId: 10 }));
      const message = { leadId: lead.id, files: ['vm-hello', 'vm_2', 'beep'], setBy: 'd1', setAt: at('2024-05-01T08:00:00.000Z') };
      await store().direct.voicemailMessages.put(message);
      expect(await store().direct.voicemailMessages.get(lead.id)).toEqual(message);
      const next = { ...message, files: ['other'], setBy: 'd2', setAt: at('2024-05-01T08:01:00.000Z') };
      await store().direct.voicemailMessages.put(next);
      expect(await store().direct.voicemailMessages.get(lead.id)).toEqual(next);
      expect(await store().direct.voicemailMessages.get(lead.id + 1000)).toBeNull();
    });

    it("keeps one multi-dial request per agent, the numbers in order, replaced by the next", async () => {
      const request = { agentId: 'd1', numbers: ['3125556000', '3125556001'], requestedAt: at('2024-05-01T08:00:00.000Z') };
      await store().direct.multiDialRequests.put(request);
      expect(await store().direct.multiDialRequests.get('d1')).toEqual(request);
      const next = { ...request, numbers: ['3125556002'], requestedAt: at('2024-05-01T08:00:01.000Z') };
      await store().direct.multiDialRequests.put(next);
      expect(await store().direct.multiDialRequests.get('d1')).toEqual(next);
      expect(await store().direct.multiDialRequests.get('d2')).toBeNull();
    });

    it("keeps each agent's queued numbers oldest first, and removes one", async () => {
      const lead = await store().direct.leads.insert(newLead({ listId: 10 }));
      const queued = { agentId: 'd1', phoneNumber: '3125556000', phoneCode: '1', leadId: lead.id, callerId: null, dialPrefix: '9', whileReady: false, origin: ORIGIN, queuedAt: at('2024-05-01T08:00:00.000Z') };
      const first = await store().direct.manualDialQueue.add(queued);
      const second = await store().direct.manualDialQueue.add({ ...queued, phoneNumber: '3125556001', leadId: null, callerId: '3125550000', whileReady: true, origin: { ...ORIGIN, apiUserId: null } });
      await store().direct.manualDialQueue.add({ ...queued, agentId: 'd2' });
      expect(first).toEqual({ ...queued, id: first.id });
      expect(second.id).toBeGreaterThan(first.id);
      expect(await store().direct.manualDialQueue.listForAgent('d1')).toEqual([first, second]);
      await store().direct.manualDialQueue.remove(first.id);
      expect(await store().direct.manualDialQueue.listForAgent('d1')).toEqual([second]);
      expect(await store().direct.manualDialQueue.listForAgent('nobody')).toEqual([]);
    });

    it("finds a lead by number in the campaign's lists only, the lowest number first", async () => {
      const inOther = await store().direct.leads.insert(newLead({ listId: 20, phoneNumber: '3125557000' }));
      const inInactive = await store().direct.leads.insert(newLead({ listId: 11, phoneNumber: '3125557000' }));
      await store().direct.leads.insert(newLead({ listId: 10, phoneNumber: '3125557000' }));
      expect(await store().direct.leads.findInCampaign('CAMP', '3125557000')).toMatchObject({ id: inInactive.id });
      expect(await store().direct.leads.findInCampaign('OTHER', '3125557000')).toMatchObject({ id: inOther.id });
      expect(await store().direct.leads.findInCampaign('CAMP', '3125557999')).toBeNull();
    });

    it('keeps a hopper: one entry per lead, listed and taken by priority then order, gone with its lead', async () => {
      const direct = store().direct;
      const [low, high, other, done] = await Promise.all([10, 10, 20, 10].map((listId) => direct.leads.insert(newLead({ listId }))));
      const entry = (leadId: number, campaignId: string, priority: number, status = 'READY') => ({
        campaignId,
        leadId,
        listId: 10,
        status,
        user: '',
        priority,
        source: 'P',
        gmtOffsetNow: '-5.00',
        state: 'NY',
        vendorLeadCode: 'V1',
        altDial: '',
        queuedAt: at('2024-05-01T08:00:00.000Z'),
      });
      const first = await direct.hopper.add(entry(low!.id, 'CAMP', 0));
      expect(first).toEqual({ ...entry(low!.id, 'CAMP', 0), id: first.id });
      await direct.hopper.add(entry(done!.id, 'CAMP', 50, 'INCALL'));
      const second = await direct.hopper.add(entry(high!.id, 'CAMP', 9));
      await direct.hopper.add(entry(other!.id, 'OTHER', 99));
      expect(await direct.hopper.findForLead(low!.id)).toEqual(first);
      expect((await direct.hopper.listForCampaign('CAMP')).map((each) => each.leadId)).toEqual([done!.id, high!.id, low!.id]);
      // Taking skips entries a dialer works on.
      expect(await direct.hopper.takeFirstReady('CAMP')).toEqual(second);
      expect(await direct.hopper.findForLead(high!.id)).toBeNull();
      await direct.hopper.removeForLead(low!.id);
      expect(await direct.hopper.takeFirstReady('CAMP')).toBeNull();
      expect((await direct.hopper.listForCampaign('OTHER')).map((each) => each.leadId)).toEqual([other!.id]);
    });

    it("counts a list's leads, all of them or those of one status", async () => {
      await store().direct.leadLists.upsert({ id: 30, name: 'Counted', campaignId: 'OTHER', active: true });
      for (const status of ['NEW', 'NEW', 'SALE']) await store().direct.leads.insert(newLead({ listId: 30, status }));
      await store().direct.leads.insert(newLead({ listId: 20, status: 'NEW' }));
      expect(await store().direct.leads.countInList(30)).toBe(3);
      expect(await store().direct.leads.countInList(30, 'NEW')).toBe(2);
      expect(await store().direct.leads.countInList(30, 'NONE')).toBe(0);
      expect(await store().direct.leads.countInList(31)).toBe(0);
    });

    it("takes the next lead to dial from the campaign's active lists, by status, the lowest number first", async () => {
      await store().direct.leads.insert(newLead({ listId: 11, status: 'NEWX' }));
      await store().direct.leads.insert(newLead({ listId: 20, status: 'NEWX' }));
      const sale = await store().direct.leads.insert(newLead({ listId: 10, status: 'SALE' }));
      const next = await store().direct.leads.insert(newLead({ listId: 10, status: 'NEWX' }));
      expect(await store().direct.leads.nextToDial('CAMP', ['NEWX'])).toMatchObject({ id: next.id });
      expect(await store().direct.leads.nextToDial('CAMP', ['NEWX', 'SALE'])).toMatchObject({ id: sale.id });
      expect(await store().direct.leads.nextToDial('CAMP', ['NONE'])).toBeNull();
    });

    it("keeps a session's previewed lead", async () => {
      const lead = await store().direct.leads.insert(newLead({ listId: 10 }));
      await store().direct.sessions.insert(session('d2', { state: 'paused', previewLeadId: lead.id }));
      expect(await store().direct.sessions.get('d2')).toMatchObject({ previewLeadId: lead.id, lead: null });
    });
  });
}
