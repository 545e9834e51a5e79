import { bytesToText } from '../wire/php-params';
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

const WEB_FORMS = ['web_form_address', 'web_form_address_two', 'web_form_address_three'] as const;

/** Addresses and descriptions: anything but quotes, backslashes and `;`. */
export const WEB_TEXT = { drop: '\'";\\\\' };

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
  customCopyMethod: params.read('custom_copy_method', { keep: 'A-Z' }),
  tzMethod: params.read('tz_method', LIST_WORD),
  localCallTime: params.read('local_call_time', LIST_WORD),
  transferOverrides: readTransferOverrides(params),
  outboundCid: params.read('outbound_cid', LIST_WORD),
  amMessage: params.read('am_message', LIST_WORD),
  expirationDate: params.read('expiration_date', LIST_WORD),
  webForms: WEB_FORMS.map((name) => params.read(name, WEB_TEXT)),
  listDescription: params.read('list_description', WEB_TEXT),
});

type ListFields = ReturnType<typeof readListFields>;

/** Clears a setting (update_list). */
export const BLANK = '--BLANK--';

/**
 * The list settings given, by VICIdial's names, as the list keeps them (the
 * ones it does not keep: scripts, custom fields, are left out). `--BLANK--`
 * empties a setting; an expiration date counts from 10 characters on.
 */
export function listSettingsOf(fields: ListFields): Record<string, string> {
  const given: Array<[string, string]> = [
    ['list_description', fields.listDescription],
    ['outbound_cid', fields.outboundCid],
    ['am_message', fields.amMessage],
    ['drop_inbound_group', fields.dropInboundGroup],
    ...WEB_FORMS.map((name, index): [string, string] => [name, fields.webForms[index] ?? '']),
    ['reset_time', fields.resetTime],
    ['expiration_date', fields.expirationDate.length > 9 ? fields.expirationDate : ''],
    ['tz_method', fields.tzMethod],
    ['local_call_time', fields.localCallTime],
    ...TRANSFER_OVERRIDES.map(([name], index): [string, string] => [name, fields.transferOverrides[index]?.value ?? '']),
  ];
  const settings: Record<string, string> = {};
  for (const [name, value] of given) if (value !== '') settings[name] = value === BLANK ? '' : bytesToText(value);
  return settings;
}
