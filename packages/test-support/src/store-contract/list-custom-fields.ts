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
  ...changes,
});

/** Lists' own fields in the order defined, and the values leads hold in them per list. */
export function listCustomFieldContract(makeStore: MakeStore): void {
  describe('list custom fields', () => {
    const store = freshStore(makeStore);

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
