import { dncEntryOf, dncInputComplete, readDncInput } from '../dnc-number';
import { defineNonAgentFunction, refuse } from '../operation';

/** delete_dnc_phone: takes a number off a campaign's do-not-call list or the system list (`SYSTEM_INTERNAL`). */
export const deleteDncPhone = defineNonAgentFunction({
  name: 'delete_dnc_phone',
  function: 'delete_dnc_phone',
  auth: {
    allows: (user) => user.level >= 8 && user.modifyLists && user.deleteFromDnc,
    denied: (user) => `ERROR: delete_dnc_phone USER DOES NOT HAVE PERMISSION TO DELETE DNC NUMBERS: |${user}|0`,
  },
  input: readDncInput,
  async run(ctx, input) {
    const echo = `|${ctx.user}|${input.phoneNumber}|${input.campaignId}`;
    if (!dncInputComplete(input)) throw refuse(`ERROR: delete_dnc_phone YOU MUST USE ALL REQUIRED FIELDS: ${echo}`);
    if (!(await ctx.core.removeDncNumber(dncEntryOf(input)))) throw refuse(`ERROR: delete_dnc_phone DNC NUMBER DOES NOT EXIST: ${echo}`);
  },
  render: (_removed, ctx, input) => `SUCCESS: delete_dnc_phone DNC NUMBER HAS BEEN DELETED - ${ctx.user}|${input.phoneNumber}|${input.campaignId}`,
});
