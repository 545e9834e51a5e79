import type { CoreContext } from '../../kernel/context';
import { inTransaction } from '../../kernel/unit-of-work';
import type { StoreTransaction } from '../../ports/store';
import type { PhoneAlias } from './phone';

export type PhoneAliasOutcome = { outcome: 'done' } | { outcome: 'alias_taken' } | { outcome: 'not_found' } | { outcome: 'unknown_login'; login: string };

/** The first login no phone signs in with, in the order given. */
async function unknownLogin(tx: StoreTransaction, logins: readonly string[]): Promise<string | null> {
  for (const login of logins) if ((await tx.phones.findByLogin(login)).length === 0) return login;
  return null;
}

/** Adds an alias of phones that exist; an id taken or a login of no phone changes nothing. */
export async function addPhoneAlias(ctx: CoreContext, alias: PhoneAlias): Promise<PhoneAliasOutcome> {
  return inTransaction(ctx, async ({ tx }) => {
    if (await tx.phoneAliases.get(alias.id)) return { outcome: 'alias_taken' };
    const unknown = await unknownLogin(tx, alias.logins);
    if (unknown !== null) return { outcome: 'unknown_login', login: unknown };
    await tx.phoneAliases.upsert(alias);
    return { outcome: 'done' };
  });
}

/** Renames an alias or gives it other phones (absent: unchanged). */
export async function updatePhoneAlias(ctx: CoreContext, request: { id: string; name?: string; logins?: readonly string[] }): Promise<PhoneAliasOutcome> {
  return inTransaction(ctx, async ({ tx }) => {
    const before = await tx.phoneAliases.get(request.id);
    if (!before) return { outcome: 'not_found' };
    const unknown = request.logins ? await unknownLogin(tx, request.logins) : null;
    if (unknown !== null) return { outcome: 'unknown_login', login: unknown };
    await tx.phoneAliases.upsert({ id: before.id, name: request.name ?? before.name, logins: request.logins ?? before.logins });
    return { outcome: 'done' };
  });
}
