import type { NonAgentParams } from './params';

/** The filter of list ids, campaigns, scripts, in-groups, call times (`--BLANK--` passes it). */
export const LIST_WORD = { keep: '-_0-9a-zA-Z' };

/** What VICIdial keeps of a list name. */
export const LIST_NAME = { keep: '- +.:/@?&_0-9{L}' };

/** The time zone methods a list may name. */
export const TIME_ZONE_METHODS: ReadonlySet<string> = new Set(['COUNTRY_AND_AREA_CODE', 'POSTAL_CODE', 'NANPA_PREFIX', 'OWNER_TIME_ZONE_CODE']);

const TRANSFER_OVERRIDES = [
  ['xferconf_one', 'ONE'],
  ['xferconf_two', 'TWO'],
  ['xferconf_three', 'THREE'],
  ['xferconf_four', 'FOUR'],
  ['xferconf_five', 'FIVE'],
] as const;

/** The transfer number overrides (`xferconf_one` … `five`), each with the word VICIdial's lines name it by. */
export const readTransferOverrides = (params: NonAgentParams): Array<{ label: string; value: string }> =>
  TRANSFER_OVERRIDES.map(([name, label]) => ({ label, value: params.read(name, LIST_WORD) }));

/** A transfer number override longer than VICIdial's 50 characters, if one is. */
export const longTransferOverride = (overrides: ReadonlyArray<{ label: string; value: string }>) => overrides.find((override) => override.value.length > 50);

/** The fields add_list and update_list both take, each filtered as VICIdial filters it. */
export const readListFields = (params: NonAgentParams) => ({
  listId: params.read('list_id', { keep: '0-9' }),
  listName: params.read('list_name', LIST_NAME),
  campaignId: params.read('campaign_id', LIST_WORD),
  active: params.read('active', { keep: 'A-Z' }),
  script: params.read('script', LIST_WORD),
  dropInboundGroup: params.read('drop_inbound_group', LIST_WORD),
  resetTime: params.read('reset_time', { keep: '-_0-9' }),
  customFieldsCopy: params.read('custom_fields_copy', { keep: '0-9' }),
  tzMethod: params.read('tz_method', LIST_WORD),
  localCallTime: params.read('local_call_time', LIST_WORD),
  transferOverrides: readTransferOverrides(params),
});
