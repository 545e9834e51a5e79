/// <reference types="jest" />
import type { ListCustomField } from '@pbx-gateway/core';
import { freshStore, type MakeStore } from './contract-store';
import { campaign, newLead } from './rows';

const field = (listId: number, label: string, changes: Partial<ListCustomField> = {}): ListCustomField => ({
  listId,
  label,
  name: label,
  type: 'TEXT',
  rank: 1,
  order: 1,
  size: 20,
  max: 100,
  defaultValue: '',
  options: '',
  required: false,
  duplicate: false,
  encrypt: false,
  showHide: 'DISABLED',
  ...changes,
});

/** Lists' own fields in the order defined, and the values leads hold in them per list. */
export function listCustomFieldContract(makeStore: MakeStore): void {
  describe('list custom fields', () => {
    const store = freshStore(makeStore);

    it("keeps a field's encryption and way of hiding its values, and when a lead of a list was last dialled", async () => {
      const tx = store().direct;
      await tx.campaigns.upsert(campaign('CFHIDE'));
      await tx.leadLists.upsert({ id: 705, name: 'List 705', campaignId: 'CFHIDE', active: true });
      await tx.listCustomFields.replaceForList(705, [field(705, 'card', { encrypt: true, showHide: 'FIRST_1_LAST_4' }), field(705, 'plain')]);
      expect((await tx.listCustomFields.listForList(705)).map((each) => [each.label, each.encrypt, each.showHide])).toEqual([
        ['card', true, 'FIRST_1_LAST_4'],
        ['plain', false, 'DISABLED'],
      ]);
      expect((await tx.leadLists.get(705))?.lastCalledAt).toBeUndefined();
      const at = new Date('2026-03-04T05:06:07.000Z');
      await tx.leadLists.markCalled(705, at);
      await tx.leadLists.markCalled(999705, at);
      expect((await tx.leadLists.get(705))?.lastCalledAt).toEqual(at);
      expect(await tx.leadLists.get(999705)).toBeNull();
      // A later change of the list's settings keeps the last call.
      await tx.leadLists.upsert({ id: 705, name: 'Renamed', campaignId: 'CFHIDE', active: true });
      expect((await tx.leadLists.get(705))?.lastCalledAt).toEqual(at);
    });

    it('keeps the fields in the order defined; defined again, a field keeps its place and values, one left out loses them', async () => {
      const tx = store().direct;
      await tx.campaigns.upsert(campaign('CFCAMP'));
      await tx.leadLists.upsert({ id: 701, name: 'List 701', campaignId: 'CFCAMP', active: true });
      const lead = await tx.leads.insert({ ...newLead({ listId: 701, phoneNumber: '5550101' }), entryListId: 701 });
      await tx.listCustomFields.replaceForList(701, [field(701, 'zeta'), field(701, 'alpha'), field(701, 'mid')]);
      expect((await tx.listCustomFields.listForList(701)).map((each) => each.label)).toEqual(['zeta', 'alpha', 'mid']);
      expect(await tx.listCustomFields.valuesOf(701, lead.id)).toBeNull();
      await tx.listCustomFields.putValues(701, lead.id, { zeta: 'z', alpha: 'a' });
      await tx.listCustomFields.putValues(701, lead.id, { alpha: 'A' });
      expect(await tx.listCustomFields.valuesOf(701, lead.id)).toEqual({ zeta: 'z', alpha: 'A' });
      await tx.listCustomFields.replaceForList(701, [field(701, 'alpha', { name: 'Alpha', max: 5 }), field(701, 'new')]);
      expect(await tx.listCustomFields.listForList(701)).toEqual([field(701, 'alpha', { name: 'Alpha', max: 5 }), field(701, 'new')]);
      expect(await tx.listCustomFields.valuesOf(701, lead.id)).toEqual({ alpha: 'A' });
      expect(await tx.listCustomFields.valuesOf(702, lead.id)).toBeNull();
      expect(await tx.listCustomFields.listForList(702)).toEqual([]);
    });
  });
}
