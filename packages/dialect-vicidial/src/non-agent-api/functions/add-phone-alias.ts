import { bytesToText } from '../../wire/php-params';
import { astAdminAccess } from '../ast-admin-access';
import { defineNonAgentFunction, refuse } from '../operation';
import { IDENTIFIER, readWith } from '../params';
import { PHONE_FILTERS } from '../phone-fields';

const readInput = readWith((params) => ({
  aliasId: params.read('alias_id', IDENTIFIER),
  aliasName: params.read('alias_name', PHONE_FILTERS.aliasName),
  phoneLogins: params.read('phone_logins', PHONE_FILTERS.phoneLogins),
}));

/**
 * add_phone_alias: a name for several phones' logins (an agent signing in
 * with the alias takes them all). Every login must be a phone's; the first
 * that is not answers PHONE DOES NOT EXIST (an empty one between two commas
 * too, as in VICIdial).
 */
export const addPhoneAlias = defineNonAgentFunction({
  name: 'add_phone_alias',
  function: 'add_phone_alias',
  auth: astAdminAccess('add_phone_alias', 'ADD PHONE ALIASES'),
  input: readInput,
  async run(ctx, input) {
    const line = (reason: string, data: string): never => {
      throw refuse(`ERROR: add_phone_alias ${reason}: |${ctx.user}|${data}`);
    };
    const { aliasId, aliasName, phoneLogins } = input;
    if (aliasId.length < 2 || phoneLogins.length < 2 || aliasName.length < 1) line('YOU MUST USE ALL REQUIRED FIELDS', `${aliasId}|${aliasName}|${phoneLogins}`);
    const logins = phoneLogins.split(',');
    const outcome = await ctx.core.addPhoneAlias({ id: bytesToText(aliasId), name: bytesToText(aliasName), logins: logins.map(bytesToText) });
    if (outcome.outcome === 'alias_taken') line('PHONE ALIAS ALREADY EXISTS', aliasId);
    if (outcome.outcome === 'unknown_login') line('PHONE DOES NOT EXIST', logins.find((login) => bytesToText(login) === outcome.login) ?? '');
    return `${aliasId}|${aliasName}|${phoneLogins}`;
  },
  render: (data, ctx) => `SUCCESS: add_phone_alias PHONE ALIAS HAS BEEN ADDED - ${ctx.user}|${data}`,
});
