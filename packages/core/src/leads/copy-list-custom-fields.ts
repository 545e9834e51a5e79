import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import type { ListCustomField } from './list-custom-field';

/**
 * How one list's fields are copied to another (VICIdial's copy options):
 * APPEND adds the fields the destination lacks (nothing it holds is lost),
 * UPDATE redefines the destination's fields the source also has and adds
 * none, REPLACE drops the destination's fields and their values and takes
 * the source's.
 */
export type CustomFieldsCopyMethod = 'APPEND' | 'UPDATE' | 'REPLACE';

/** Copies a list's fields onto another (which need not exist: its fields wait for it); how many fields were written. */
export async function copyListCustomFields(ctx: CoreContext, request: { fromListId: number; toListId: number; method: CustomFieldsCopyMethod }): Promise<number> {
  return inTransaction(ctx, async ({ tx }) => {
    const source = await tx.listCustomFields.listForList(request.fromListId);
    const target = await tx.listCustomFields.listForList(request.toListId);
    const moved = (field: ListCustomField): ListCustomField => ({ ...field, listId: request.toListId });
    const sourceByLabel = new Map(source.map((field) => [field.label, field]));
    const targetLabels = new Set(target.map((field) => field.label));
    if (request.method === 'REPLACE') {
      await tx.listCustomFields.replaceForList(request.toListId, []);
      await tx.listCustomFields.replaceForList(request.toListId, source.map(moved));
      return source.length;
    }
    if (request.method === 'UPDATE') {
      const updated = target.map((field) => sourceByLabel.get(field.label) ?? field);
      await tx.listCustomFields.replaceForList(request.toListId, updated.map(moved));
      return target.filter((field) => sourceByLabel.has(field.label)).length;
    }
    const added = source.filter((field) => !targetLabels.has(field.label));
    await tx.listCustomFields.replaceForList(request.toListId, [...target, ...added].map(moved));
    return added.length;
  });
}
