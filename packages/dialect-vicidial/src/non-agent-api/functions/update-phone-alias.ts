import { bytesToText } from '../../wire/php-params';
import { astAdminAccess } from '../ast-admin-access';
import { defineNonAgentFunction, refuse } from '../operation';
import { IDENTIFIER, readWith } from '../params';
import { PHONE_FILTERS } from '../phone-fields';

const readInput = readWith((params) => ({
  aliasId: params.read('alias_id', IDENTIFIER),
  aliasName: params.read('alias_name', PHONE_FILTERS.aliasName),
  phoneLogins: params.read('phone_logins', PHONE_FILTERS.phoneLogins),
  deleteAlias: params.read('delete_alias', PHONE_FILTERS.upper),
}));

/**
 * update_phone_alias: renames an alias, gives it other phones, or deletes
 * it (`delete_alias=Y`, with `ast_delete_phones`). A list of one byte is no
 * list (VICIdial changes the logins only from two bytes on), so a request
 * that changes nothing answers NO UPDATES DEFINED.
 */
export const updatePhoneAlias = defineNonAgentFunction({
  name: 'update_phone_alias',
  function: 'update_phone_alias',
  auth: astAdminAccess('update_phone_alias', 'UPDATE PHONE ALIASES'),
  input: readInput,
  async run(ctx, input) {
    const line = (reason: string, data: string): never => {
      throw refuse(`ERROR: update_phone_alias ${reason}: |${ctx.user}|${data}`);
    };
    const { aliasId, aliasName, phoneLogins, deleteAlias } = input;
    if (aliasId.length < 2 || (phoneLogins.length < 2 && aliasName.length < 1 && deleteAlias.length < 1)) {
      line('YOU MUST USE ALL REQUIRED FIELDS', `${aliasId}|${aliasName}|${phoneLogins}`);
    }
    const id = bytesToText(aliasId);
    if (!(await ctx.core.getPhoneAlias(id))) line('PHONE ALIAS DOES NOT EXIST', aliasId);
    if (deleteAlias === 'Y') {
      if (!ctx.apiUser.astDeletePhones) throw refuse(`NOTICE: update_phone_alias USER DOES NOT HAVE PERMISSION TO DELETE PHONE ALIASES: |${ctx.user}|0`);
      if (!(await ctx.core.removePhoneAlias(id))) line('PHONE ALIAS DOES NOT EXIST', aliasId);
      return `SUCCESS: update_phone_alias PHONE ALIAS HAS BEEN DELETED - ${ctx.user}|${aliasId}`;
    }
    if (aliasName.length > 0 && (aliasName.length > 50 || aliasName.length < 2)) line('YOU MUST USE A VALID ALIAS NAME', aliasName);
    const logins = phoneLogins.length > 1 ? phoneLogins.split(',') : undefined;
    if (aliasName.length === 0 && !logins) return `NOTICE: update_phone_alias NO UPDATES DEFINED: |${ctx.user}|`;
    const outcome = await ctx.core.updatePhoneAlias({
      id,
      ...(aliasName.length > 0 ? { name: bytesToText(aliasName) } : {}),
      ...(logins ? { logins: logins.map(bytesToText) } : {}),
    });
    if (outcome.outcome === 'not_found') line('PHONE ALIAS DOES NOT EXIST', aliasId);
    if (outcome.outcome === 'unknown_login') line('PHONE DOES NOT EXIST', (logins ?? []).find((login) => bytesToText(login) === outcome.login) ?? '');
    return `SUCCESS: update_phone_alias PHONE ALIAS HAS BEEN UPDATED - ${ctx.user}|${aliasId}|`;
  },
  render: (answer) => answer,
});
