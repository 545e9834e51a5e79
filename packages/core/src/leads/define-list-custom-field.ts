import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import type { ListCustomField } from './list-custom-field';

/** Whether a field was new to its list or took the place of one of the same label. */
export type ListCustomFieldDefined = 'added' | 'redefined';

/**
 * Defines one field of a list (which need not exist: its fields wait for
 * it): a new label goes last on the list, a known one is redefined in its
 * place and keeps the values leads hold in it.
 */
export async function defineListCustomField(ctx: CoreContext, field: ListCustomField): Promise<ListCustomFieldDefined> {
  return inTransaction(ctx, async ({ tx }) => {
    const fields = await tx.listCustomFields.listForList(field.listId);
    const known = fields.some((defined) => defined.label === field.label);
    const next = known ? fields.map((defined) => (defined.label === field.label ? field : defined)) : [...fields, field];
    await tx.listCustomFields.replaceForList(field.listId, next);
    return known ? 'redefined' : 'added';
  });
}

/** Removes one field of a list with the values leads held in it; false when the list has no such field. */
export async function removeListCustomField(ctx: CoreContext, request: { listId: number; label: string }): Promise<boolean> {
  return inTransaction(ctx, async ({ tx }) => {
    const fields = await tx.listCustomFields.listForList(request.listId);
    const kept = fields.filter((field) => field.label !== request.label);
    if (kept.length === fields.length) return false;
    await tx.listCustomFields.replaceForList(request.listId, kept);
    return true;
  });
}
