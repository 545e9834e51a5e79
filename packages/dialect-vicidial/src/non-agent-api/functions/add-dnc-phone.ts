import { dncEntryOf, dncInputComplete, readDncInput } from '../dnc-number';
import { defineNonAgentFunction, refuse } from '../operation';

/**
 * add_dnc_phone: puts a number on a campaign's do-not-call list, or on the
 * system list (`campaign_id=SYSTEM_INTERNAL`).
 */
export const addDncPhone = defineNonAgentFunction({
  name: 'add_dnc_phone',
  function: 'add_dnc_phone',
  auth: {
    allows: (user) => user.level >= 8 && user.modifyLists,
    denied: (user) => `ERROR: add_dnc_phone USER DOES NOT HAVE PERMISSION TO ADD DNC NUMBERS: |${user}|0`,
  },
  input: readDncInput,
  async run(ctx, input) {
    const echo = `|${ctx.user}|${input.phoneNumber}|${input.campaignId}`;
    if (!dncInputComplete(input)) throw refuse(`ERROR: add_dnc_phone YOU MUST USE ALL REQUIRED FIELDS: ${echo}`);
    if (!(await ctx.core.addDncNumber(dncEntryOf(input)))) throw refuse(`ERROR: add_dnc_phone DNC NUMBER ALREADY EXISTS: ${echo}`);
  },
  render: (_added, ctx, input) => `SUCCESS: add_dnc_phone DNC NUMBER HAS BEEN ADDED - ${ctx.user}|${input.phoneNumber}|${input.campaignId}`,
});
