import { isFieldShowHide, type LeadCustomValues, type ListCustomField, type ListCustomFieldRepository } from '@pbx-gateway/core';
import type { Knex } from 'knex';
import { toNumber } from '../support/rows';

/** The core's field as its table row: two columns are named in snake case, and the list id may come back as text. */
type FieldRow = Omit<ListCustomField, 'listId' | 'defaultValue' | 'showHide'> & { list_id: string | number; default_value: string; show_hide: string };

const toField = (row: FieldRow): ListCustomField => ({
  listId: toNumber(row.list_id),
  label: row.label,
  name: row.name,
  type: row.type,
  rank: row.rank,
  order: row.order,
  size: row.size,
  max: row.max,
  defaultValue: row.default_value,
  options: row.options,
  required: row.required,
  duplicate: row.duplicate,
  encrypt: row.encrypt,
  showHide: isFieldShowHide(row.show_hide) ? row.show_hide : 'DISABLED',
});

const toRow = (field: ListCustomField): Omit<FieldRow, 'list_id'> => ({
  label: field.label,
  name: field.name,
  type: field.type,
  rank: field.rank,
  order: field.order,
  size: field.size,
  max: field.max,
  default_value: field.defaultValue,
  options: field.options,
  required: field.required,
  duplicate: field.duplicate,
  encrypt: field.encrypt,
  show_hide: field.showHide,
});

export function createListCustomFieldRepository(db: Knex): ListCustomFieldRepository {
  return {
    async listForList(listId) {
      const rows: FieldRow[] = await db('lead_list_fields').where({ list_id: listId }).orderBy('position');
      return rows.map(toField);
    },

    async replaceForList(listId, fields) {
      const labels = fields.map((field) => field.label);
      await db('lead_list_fields').where({ list_id: listId }).whereNotIn('label', labels).delete();
      await db('lead_custom_values').where({ list_id: listId }).whereNotIn('label', labels).delete();
      // A field defined again keeps its place; a new one goes last.
      for (const field of fields) {
        await db('lead_list_fields')
          .insert({ list_id: listId, ...toRow(field) })
          .onConflict(['list_id', 'label'])
          .merge();
      }
    },

    async valuesOf(listId, leadId) {
      const rows: Array<{ label: string; value: string }> = await db('lead_custom_values').where({ list_id: listId, lead_id: leadId }).select('label', 'value');
      if (rows.length === 0) return null;
      const values: Record<string, string> = {};
      for (const row of rows) values[row.label] = row.value;
      return values;
    },

    async putValues(listId, leadId, values: LeadCustomValues) {
      const rows = Object.entries(values).map(([label, value]) => ({ list_id: listId, lead_id: leadId, label, value }));
      if (rows.length === 0) return;
      await db('lead_custom_values').insert(rows).onConflict(['list_id', 'lead_id', 'label']).merge(['value']);
    },

    async removeValuesOfLead(leadId) {
      await db('lead_custom_values').where({ lead_id: leadId }).delete();
    },
  };
}
