import { mayWorkWithCampaign } from '@pbx-gateway/core';
import { bytesToText } from '../../wire/php-params';
import { defineNonAgentFunction, refuse, type NonAgentContext } from '../operation';
import { listSettingsOf, longTransferOverride, readListFields, TIME_ZONE_METHODS } from '../list-settings';
import { readWith } from '../params';
import { listCallTimeExists } from '../call-times';
import { copyMethodOf, customFieldsCopyRefusal } from '../custom-fields';

const readInput = readWith(readListFields);

type AddListInput = ReturnType<typeof readInput>['value'];

/** Whether the request names a list to copy custom fields from (2 to 14 digits). */
const copiesCustomFields = (input: AddListInput): boolean => input.customFieldsCopy.length > 1 && input.customFieldsCopy.length < 15;

/**
 * The optional fields, checked in VICIdial's order. The gateway keeps no
 * scripts, and knows only VICIdial's installed call times: any script, any
 * other call time but `campaign` gets VICIdial's line for one that does not
 * exist.
 */
async function checkOptionalFields(ctx: NonAgentContext, input: AddListInput): Promise<void> {
  const line = (reason: string, data: string) => refuse(`ERROR: add_list ${reason}, THIS IS AN OPTIONAL FIELD: |${ctx.user}|${data}`);
  if (input.script !== '') throw line('SCRIPT DOES NOT EXIST', input.script);
  if (input.dropInboundGroup !== '' && !(await ctx.core.getQueue(bytesToText(input.dropInboundGroup)))) throw line('IN-GROUP DOES NOT EXIST', input.dropInboundGroup);
  if (input.resetTime.length > 0 && input.resetTime.length < 4) throw line('RESET TIME IS NOT VALID', input.resetTime);
  if (copiesCustomFields(input)) {
    const refusal = await customFieldsCopyRefusal(ctx, input.customFieldsCopy);
    if (refusal) throw line(refusal, `${input.listId}|${input.customFieldsCopy}|0`);
  }
  if (input.tzMethod !== '' && !TIME_ZONE_METHODS.has(input.tzMethod)) throw line('TIME ZONE METHOD IS NOT VALID', input.tzMethod);
  if (input.localCallTime !== '' && !(await listCallTimeExists(ctx, input.localCallTime))) throw line('LOCAL CALL TIME DOES NOT EXIST', input.localCallTime);
  const longOverride = longTransferOverride(input.transferOverrides);
  if (longOverride) throw line(`TRANSFER CONF OVERRIDE ${longOverride.label} IS NOT VALID`, longOverride.value);
}

/** add_list: a new list of a campaign the caller's group works with; inactive unless `active=Y`. */
export const addList = defineNonAgentFunction({
  name: 'add_list',
  partial: 'a `script` is refused with its line (the gateway keeps no scripts)',
  function: 'add_list',
  auth: {
    allows: (user) => user.level >= 8 && user.modifyLists,
    denied: (user) => `ERROR: add_list USER DOES NOT HAVE PERMISSION TO ADD LISTS: |${user}|0`,
  },
  input: readInput,
  async run(ctx, input) {
    const { listId, listName, campaignId } = input;
    // A name of 2 to 30 bytes (2.14-194 on; update_list still asks 6 to 30 of a new name).
    if (listId.length < 2 || listId.length > 14 || campaignId.length < 1 || campaignId.length > 8 || listName.length < 2 || listName.length > 30) {
      throw refuse(`ERROR: add_list YOU MUST USE ALL REQUIRED FIELDS: |${ctx.user}|${listId}|${listName}|${campaignId}`);
    }
    const [campaign, group] = await Promise.all([ctx.core.getCampaign(bytesToText(campaignId)), ctx.core.getUserGroup(ctx.apiUser.group)]);
    if (!campaign || (group !== null && !mayWorkWithCampaign(group, campaign.id))) throw refuse(`ERROR: add_list CAMPAIGN DOES NOT EXIST: |${ctx.user}|${campaignId}`);
    const exists = `ERROR: add_list LIST ALREADY EXISTS: |${ctx.user}|${listId}`;
    if (await ctx.core.getLeadList(Number(listId))) throw refuse(exists);
    await checkOptionalFields(ctx, input);
    const added = await ctx.core.addLeadList({ id: Number(listId), name: bytesToText(listName), campaignId: campaign.id, active: input.active === 'Y', settings: listSettingsOf(input) });
    if (!added) throw refuse(exists);
    // The copy's outcome goes to VICIdial's admin log only, not to the answer.
    if (copiesCustomFields(input)) {
      await ctx.core.copyListCustomFields({ fromListId: Number(input.customFieldsCopy), toListId: Number(listId), method: copyMethodOf(input.customCopyMethod) });
    }
    return `SUCCESS: add_list LIST HAS BEEN ADDED - ${ctx.user}|${listId}|${listName}|${campaignId}`;
  },
  render: (line) => line,
});
