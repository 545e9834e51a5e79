/// <reference types="jest" />
import type { Callback } from '@pbx-gateway/core';
import { freshStore, type MakeStore } from './contract-store';
import { campaign, newLead } from './rows';

/** The lead archive and the callback archive: rows kept whole under their own numbers, read as the leads and callbacks are. */
export function leadArchiveContract(makeStore: MakeStore): void {
  describe('lead and callback archives', () => {
    const store = freshStore(makeStore);

    it('keeps an archived lead whole under its number, searched as the leads are, apart from them', async () => {
      const tx = store().direct;
      await tx.campaigns.upsert(campaign('ARCAMP'));
      await tx.leadLists.upsert({ id: 801, name: 'List 801', campaignId: 'ARCAMP', active: true });
      const lead = await tx.leads.insert({ ...newLead({ listId: 801, phoneNumber: '5550801', vendorLeadCode: 'V801', dateOfBirth: '1970-02-03' }), entryListId: 801 });
      const older = await tx.leads.insert({ ...newLead({ listId: 802, phoneNumber: '5550801' }), entryListId: 802 });
      await tx.leadArchive.put(lead);
      await tx.leadArchive.put(older);
      expect(await tx.leadArchive.get(lead.id)).toEqual(lead);
      expect(await tx.leadArchive.lock(lead.id)).toEqual(lead);
      expect(await tx.leadArchive.get(lead.id + 1000)).toBeNull();
      expect((await tx.leadArchive.search({ phoneNumber: '5550801', newestFirst: true }, 10)).map((each) => each.id)).toEqual([older.id, lead.id]);
      expect((await tx.leadArchive.search({ phoneNumber: '5550801', listIds: [801] }, 10)).map((each) => each.id)).toEqual([lead.id]);
      expect((await tx.leadArchive.search({ vendorLeadCode: 'V801' }, 10)).map((each) => each.id)).toEqual([lead.id]);
      expect(await tx.leadArchive.search({ leadId: lead.id }, 0)).toEqual([]);
      // The archive is a table of its own: the leads are untouched by it.
      expect(await tx.leads.get(lead.id)).toEqual(lead);
      await tx.leadArchive.put({ ...lead, status: 'SALE' });
      expect((await tx.leadArchive.get(lead.id))?.status).toBe('SALE');
      expect(await tx.leadArchive.delete(lead.id)).toBe(true);
      expect(await tx.leadArchive.delete(lead.id)).toBe(false);
      expect(await tx.leadArchive.get(lead.id)).toBeNull();
    });

    it('numbers a new lead after every archived lead, so that one brought back finds its number free', async () => {
      const tx = store().direct;
      await tx.leadArchive.put({ ...newLead({ phoneNumber: '5550888' }), id: 88_000 });
      const next = await tx.leads.insert(newLead({ phoneNumber: '5550889' }));
      expect(next.id).toBeGreaterThan(88_000);
    });

    it('keeps archived callbacks as they were, under their own ids, by lead in the order scheduled', async () => {
      const tx = store().direct;
      const at = new Date('2026-03-01T10:00:00.000Z');
      const lead = await tx.leads.insert(newLead({ listId: 801, phoneNumber: '5550901' }));
      const first = await tx.callbacks.insert({ leadId: lead.id, listId: 801, campaignId: 'ARCAMP', state: 'ACTIVE', status: 'CALLBK', callbackAt: at, recipient: 'USERONLY', agentId: 'agent1', comments: 'first', createdAt: at });
      const second = await tx.callbacks.insert({ ...first, state: 'INACTIVE', comments: 'second' });
      const other: Callback = { ...first, id: second.id + 1, leadId: lead.id + 1 };
      await tx.callbackArchive.add([second, first]);
      await tx.callbackArchive.add([other]);
      await tx.callbackArchive.add([]);
      // Archived again (two removals racing): kept once, as first archived.
      await tx.callbackArchive.add([{ ...first, comments: 'again' }]);
      expect(await tx.callbackArchive.listForLead(lead.id)).toEqual([first, second]);
      expect(await tx.callbackArchive.listForLead(lead.id + 2)).toEqual([]);
      // Archiving copies: the waiting callbacks are the caller's to remove.
      expect(await tx.callbacks.listForLead(lead.id)).toEqual([first, second]);
    });
  });
}
