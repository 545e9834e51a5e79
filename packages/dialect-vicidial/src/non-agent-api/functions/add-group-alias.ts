import { bytesToText } from '../../wire/php-params';
import { astAdminAccess } from '../ast-admin-access';
import { defineNonAgentFunction, refuse } from '../operation';
import { IDENTIFIER, readWith } from '../params';

/** Names keep a `+` through the filter; the function then makes it a space. */
const ALIAS_NAME = { keep: '- +_0-9{L}' };

const readInput = readWith((params) => ({
  callerIdNumber: params.read('caller_id_number', { keep: '0-9' }),
  id: params.read('group_alias_id', { keep: '_0-9{L}' }),
  name: params.read('group_alias_name', ALIAS_NAME),
  callerIdName: params.read('caller_id_name', ALIAS_NAME),
  active: params.read('active', { keep: 'A-Z' }),
  adminUserGroup: params.read('admin_user_group', IDENTIFIER),
}));

const spaced = (name: string): string => name.replace(/\+/g, ' ');

/**
 * The characters VICIdial's `groups_alias` columns keep (VARCHAR(30) id,
 * VARCHAR(20) caller id number and name): its script checks no length and
 * its database cuts what is longer, while the answer echoes the value sent.
 */
const KEPT = { id: 30, callerIdNumber: 20, callerIdName: 20 } as const;

/**
 * add_group_alias: a caller id agents may then dial with (external_dial's
 * and transfer_conference's `group_alias`). The id and the name default to
 * the number. The alias's name and admin user group are echoed, not kept:
 * no function of the gateway reads them.
 */
export const addGroupAlias = defineNonAgentFunction({
  name: 'add_group_alias',
  function: 'add_group_alias',
  auth: astAdminAccess('add_group_alias', 'ADD GROUP ALIASES'),
  input: readInput,
  async run(ctx, input) {
    const { callerIdNumber } = input;
    if (callerIdNumber.length < 6) throw refuse(`ERROR: add_group_alias YOU MUST USE ALL REQUIRED FIELDS: |${ctx.user}|${input.id}|${input.name}|${callerIdNumber}`);
    const id = input.id.length < 2 ? callerIdNumber : input.id;
    const name = spaced(input.name.length < 2 ? callerIdNumber : input.name);
    const alias = {
      id: bytesToText(id).slice(0, KEPT.id),
      callerIdNumber: callerIdNumber.slice(0, KEPT.callerIdNumber),
      callerIdName: bytesToText(spaced(input.callerIdName)).slice(0, KEPT.callerIdName),
      // VICIdial stores any other value as given, and dials only with 'Y' aliases.
      active: input.active === '' || input.active === 'Y',
    };
    if (!(await ctx.core.addGroupAlias(alias))) throw refuse(`ERROR: add_group_alias GROUP ALIAS ALREADY EXISTS: |${ctx.user}|${id}|${callerIdNumber}`);
    return `${id}|${name}|${callerIdNumber}`;
  },
  render: (data, ctx) => `SUCCESS: add_group_alias GROUP ALIAS HAS BEEN ADDED - ${ctx.user}|${data}`,
});
