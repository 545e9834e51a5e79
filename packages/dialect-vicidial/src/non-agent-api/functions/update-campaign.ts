import { mayWorkWithCampaign, type Campaign, type CampaignChanges } from '@pbx-gateway/core';
import { bytesToText } from '../../wire/php-params';
import { LIST_NAME, LIST_WORD, readTransferOverrides, WEB_TEXT } from '../list-settings';
import { defineNonAgentFunction, refuse, type NonAgentContext } from '../operation';
import { IDENTIFIER, readWith } from '../params';

const BLANK = '--BLANK--';
/** VICIdial's system setting auto_dial_limit as a new system has it. */
const AUTO_DIAL_LIMIT = 4;
const DIAL_METHODS: ReadonlySet<string> = new Set(['MANUAL', 'RATIO', 'INBOUND_MAN', 'ADAPT_AVERAGE', 'ADAPT_HARD_LIMIT', 'ADAPT_TAPERED']);
/** xferconf_one … five are the campaign's transfer numbers a … e. */
const TRANSFER_LETTERS = ['a', 'b', 'c', 'd', 'e'] as const;

const readInput = readWith((params) => ({
  campaignId: params.read('campaign_id', IDENTIFIER),
  autoDialLevel: params.read('auto_dial_level', { keep: '.0-9' }),
  dialMethod: params.read('dial_method', IDENTIFIER),
  adaptiveMaximumLevel: params.read('adaptive_maximum_level', { keep: '.0-9' }),
  vdadExten: params.read('campaign_vdad_exten', { keep: '0-9' }),
  hopperLevel: params.read('hopper_level', { keep: '0-9' }),
  dialTimeout: params.read('dial_timeout', { keep: '0-9' }),
  campaignName: params.read('campaign_name', LIST_NAME),
  outboundCid: params.read('outbound_cid', LIST_WORD),
  leadFilterId: params.read('lead_filter_id', LIST_WORD),
  active: params.read('active', { keep: 'A-Z' }),
  transfers: readTransferOverrides(params),
  dispoCallUrl: params.read('dispo_call_url', WEB_TEXT),
  dialStatusAdd: params.read('dial_status_add', IDENTIFIER),
  dialStatusRemove: params.read('dial_status_remove', IDENTIFIER),
  resetHopper: params.read('reset_hopper', { keep: 'NY' }),
}));

type UpdateCampaignInput = ReturnType<typeof readInput>['value'];

/** A bad optional field: `ERROR: update_campaign <why>, THIS IS AN OPTIONAL FIELD: |<user>|<value>`. */
const invalid = (ctx: NonAgentContext, why: string, value: string) => refuse(`ERROR: update_campaign ${why}, THIS IS AN OPTIONAL FIELD: |${ctx.user}|${value}`);

/** The dial statuses after dial_status_add and dial_status_remove, as VICIdial edits its ` A B -` text; undefined: unchanged. */
function dialStatusesOf(ctx: NonAgentContext, campaign: Campaign, input: UpdateCampaignInput): string | undefined {
  const stored = campaign.settings.dial_statuses ?? ' NEW -';
  let statuses: string | undefined;
  if (input.dialStatusAdd !== '') {
    if (input.dialStatusAdd.length > 6) throw invalid(ctx, 'DIAL STATUS ADD IS NOT VALID', input.dialStatusAdd);
    if (stored.length > 248) throw invalid(ctx, 'DIAL STATUS ADD FAILURE, TOO MANY EXISTING DIAL STATUSES', input.dialStatusAdd);
    statuses = ` ${bytesToText(input.dialStatusAdd)}${stored.length < 2 ? ' -' : stored}`;
  }
  if (input.dialStatusRemove !== '') {
    const remove = bytesToText(input.dialStatusRemove);
    if (input.dialStatusRemove.length > 6) throw invalid(ctx, 'DIAL STATUS REMOVE IS NOT VALID', input.dialStatusRemove);
    const current = statuses ?? stored;
    if (statuses === undefined && (current.length < 1 || current === ' -')) throw invalid(ctx, 'DIAL STATUS REMOVE FAILURE, NO EXISTING DIAL STATUSES SET', input.dialStatusRemove);
    const word = new RegExp(`\\s${remove}\\s`, 'i');
    if (!word.test(current)) throw invalid(ctx, 'DIAL STATUS REMOVE FAILURE, NOT AN EXISTING DIAL STATUS', input.dialStatusRemove);
    statuses = current.replace(word, ' ');
  }
  return statuses;
}

/** The changes the request gives, checked in VICIdial's order; the first bad field ends the function. */
function changesOf(ctx: NonAgentContext, campaign: Campaign, input: UpdateCampaignInput): CampaignChanges | null {
  const changes: CampaignChanges = {};
  const settings: Record<string, string> = {};
  if (input.autoDialLevel !== '') {
    const level = Number.parseFloat(input.autoDialLevel);
    if (level > AUTO_DIAL_LIMIT || level < 0) throw invalid(ctx, `AUTO DIAL LEVEL MUST BE FROM 0 TO ${AUTO_DIAL_LIMIT}`, input.autoDialLevel);
    settings.auto_dial_level = input.autoDialLevel;
  }
  if (input.dialMethod !== '') {
    if (!DIAL_METHODS.has(input.dialMethod)) throw invalid(ctx, 'DIAL METHOD IS NOT VALID', input.dialMethod);
    changes.dialMethod = input.dialMethod;
  }
  if (input.adaptiveMaximumLevel !== '') {
    if (input.adaptiveMaximumLevel.length > 5) throw invalid(ctx, 'ADAPT MAXIMUM DIAL LEVEL MUST BE FROM 1 TO 5 CHARACTERS', input.adaptiveMaximumLevel);
    settings.adaptive_maximum_level = input.adaptiveMaximumLevel;
  }
  if (input.vdadExten !== '') {
    if (input.vdadExten.length > 20 || input.vdadExten.length < 3) throw invalid(ctx, 'ROUTING EXTENSION MUST BE FROM 3 TO 20 CHARACTERS', input.vdadExten);
    settings.campaign_vdad_exten = input.vdadExten;
  }
  if (input.hopperLevel !== '') {
    if (Number(input.hopperLevel) > 2000 || Number(input.hopperLevel) < 1) throw invalid(ctx, 'HOPPER LEVEL MUST BE FROM 1 TO 2000', input.hopperLevel);
    settings.hopper_level = input.hopperLevel;
  }
  if (input.dialTimeout !== '') {
    if (Number(input.dialTimeout) > 120 || Number(input.dialTimeout) < 1) throw invalid(ctx, 'DIAL TIMEOUT MUST BE FROM 1 TO 120', input.dialTimeout);
    settings.dial_timeout = input.dialTimeout;
  }
  if (input.campaignName !== '') {
    if (input.campaignName.length > 40 || input.campaignName.length < 6) throw invalid(ctx, 'CAMPAIGN NAME MUST BE FROM 6 TO 40 CHARACTERS', input.campaignName);
    changes.name = bytesToText(input.campaignName);
  }
  if (input.outboundCid !== '') {
    if (input.outboundCid.length > 20 || input.outboundCid.length < 6) throw invalid(ctx, 'CAMPAIGN CID MUST BE FROM 6 TO 20 CHARACTERS', input.outboundCid);
    changes.campaignCid = bytesToText(input.outboundCid);
  }
  if (input.leadFilterId !== '') {
    // The gateway keeps no lead filters: only ---NONE--- (no filter) is valid.
    if (input.leadFilterId !== '---NONE---') throw invalid(ctx, 'CAMPAIGN LEAD FILTER MUST BE A VALID FILTER IN THE SYSTEM', input.leadFilterId);
    settings.lead_filter_id = '';
  }
  if (input.active !== '') {
    if (input.active !== 'Y' && input.active !== 'N') throw invalid(ctx, 'ACTIVE MUST BE Y OR N', input.active);
    changes.active = input.active === 'Y';
  }
  input.transfers.forEach(({ label, value }, index) => {
    if (value === '') return;
    if (value !== BLANK && value.length > 50) throw invalid(ctx, `TRANSFER CONF NUMBER ${label} IS NOT VALID`, value);
    settings[`xferconf_${TRANSFER_LETTERS[index]}_number`] = value === BLANK ? '' : bytesToText(value);
  });
  if (input.dispoCallUrl !== '') {
    if (input.dispoCallUrl !== BLANK && (input.dispoCallUrl.length < 3 || input.dispoCallUrl.length > 65000)) throw invalid(ctx, 'DISPO CALL URL IS NOT VALID', input.dispoCallUrl);
    settings.dispo_call_url = input.dispoCallUrl === BLANK ? '' : bytesToText(input.dispoCallUrl);
  }
  const statuses = dialStatusesOf(ctx, campaign, input);
  if (statuses !== undefined) settings.dial_statuses = statuses;
  if (Object.keys(settings).length > 0) changes.settings = settings;
  return Object.keys(changes).length > 0 ? changes : null;
}

/**
 * update_campaign: changes a campaign's name, activity, dial method, caller
 * id and dialer settings (the settings campaigns_list shows, transfer
 * numbers set_timer_action dials); `reset_hopper=Y` empties its hopper,
 * with or without changes.
 */
export const updateCampaignFunction = defineNonAgentFunction({
  name: 'update_campaign',
  function: 'update_campaign',
  auth: {
    allows: (user) => user.level >= 8 && user.modifyCampaigns,
    denied: (user) => `ERROR: update_campaign USER DOES NOT HAVE PERMISSION TO UPDATE CAMPAIGNS: |${user}|0`,
  },
  input: readInput,
  async run(ctx, input) {
    const { campaignId } = input;
    if (campaignId.length < 2 || campaignId.length > 8) throw refuse(`ERROR: update_campaign YOU MUST USE ALL REQUIRED FIELDS: |${ctx.user}|${campaignId}|${input.campaignName}|${campaignId}`);
    const [campaign, group] = await Promise.all([ctx.core.getCampaign(bytesToText(campaignId)), ctx.core.getUserGroup(ctx.apiUser.group)]);
    if (!campaign || (group !== null && !mayWorkWithCampaign(group, campaign.id))) throw refuse(`ERROR: update_campaign CAMPAIGN DOES NOT EXIST: |${ctx.user}|${campaignId}`);
    const changes = changesOf(ctx, campaign, input);
    const lines: string[] = [];
    if (changes === null) lines.push(`NOTICE: update_campaign NO UPDATES DEFINED: |${ctx.user}|`);
    else {
      await ctx.core.updateCampaign({ campaignId: campaign.id, changes });
      lines.push(`SUCCESS: update_campaign CAMPAIGN HAS BEEN UPDATED - ${ctx.user}|${campaignId}`);
    }
    if (input.resetHopper === 'Y') {
      await ctx.core.resetCampaignHopper(campaign.id);
      // The script echoes a row count it never reads: always empty.
      lines.push(`NOTICE: update_campaign HOPPER HAS BEEN RESET - ${ctx.user}|${campaignId}|`);
    }
    return lines.join('\n');
  },
  render: (lines) => lines,
});
