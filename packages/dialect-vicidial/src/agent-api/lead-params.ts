import type { JSONSchemaType } from 'ajv';
import type { InputFilters } from '../wire/input-filters';
import type { LeadFields } from '@pbx-gateway/core';
import { bytesToText, type PhpParams } from '../wire/php-params';

/**
 * How one parameter is filtered (spec §1.3): the characters it keeps (a
 * class, `{L}` for letters, `-` first so that it is never a range), or the
 * ones it drops; and whether a `+` (sent
 * as `%2B`) becomes a space first.
 */
export type ParamFilter = { keep: string; plusIsSpace?: boolean } | { drop: string; plusIsSpace?: boolean };

const ADDRESS: ParamFilter = { keep: "- '+.:/@_0-9{L}", plusIsSpace: true };
const NAME: ParamFilter = { keep: "- '+_.0-9{L}", plusIsSpace: true };
/** Free text: everything but `;` and `#`; quotes stay, as data. */
const FREE_TEXT: ParamFilter = { drop: ';#', plusIsSpace: true };

/**
 * The parameters of leads, dispositions and callbacks the Agent API reads,
 * with VICIdial's filters. `gmt_offset_now` is documented for
 * external_add_lead but ignored there by the product; only update_fields
 * stores it.
 */
export const LEAD_PARAM_FILTERS = {
  phone_code: { keep: '0-9X' },
  phone_number: { keep: '*#0-9{L}' },
  title: { keep: "- '_.0-9{L}", plusIsSpace: true },
  first_name: NAME,
  middle_initial: { keep: '0-9{L}' },
  last_name: NAME,
  address1: ADDRESS,
  address2: ADDRESS,
  address3: ADDRESS,
  city: ADDRESS,
  state: { keep: '- 0-9{L}' },
  province: { keep: "- '+._0-9{L}", plusIsSpace: true },
  postal_code: { keep: '- ._0-9{L}', plusIsSpace: true },
  country_code: { keep: 'A-Z' },
  gender: { keep: 'A-Z' },
  date_of_birth: { keep: '-0-9' },
  alt_phone: NAME,
  email: { keep: "- '+.:/@%_0-9{L}", plusIsSpace: true },
  security_phrase: ADDRESS,
  comments: FREE_TEXT,
  rank: { keep: '0-9' },
  owner: ADDRESS,
  gmt_offset_now: { keep: '-_.0-9' },
  vendor_lead_code: FREE_TEXT,
  vendor_id: FREE_TEXT,
  source_id: FREE_TEXT,
  dnc_check: { keep: '-_0-9{L}' },
  campaign_dnc_check: { keep: '-_0-9{L}' },
  callback_datetime: { keep: '- _.:0-9{L}', plusIsSpace: true },
  callback_type: { keep: 'A-Z' },
  callback_comments: { keep: '- _.0-9{L}', plusIsSpace: true },
  qm_dispo_code: { keep: '-._0-9{L}' },
} satisfies Record<string, ParamFilter>;

export type LeadParamName = keyof typeof LEAD_PARAM_FILTERS;
export type LeadParams = Record<LeadParamName, string>;

export const LEAD_PARAM_NAMES = Object.keys(LEAD_PARAM_FILTERS) as LeadParamName[];

const dropPatterns = new Map<string, RegExp>();

export function filterParam(raw: string, filter: ParamFilter, filters: InputFilters): string {
  // Most of the parameters read are absent.
  if (raw === '') return '';
  const value = filter.plusIsSpace ? raw.replace(/\+/g, ' ') : raw;
  if ('keep' in filter) return filters.keep(value, filter.keep);
  let pattern = dropPatterns.get(filter.drop);
  if (!pattern) {
    pattern = new RegExp(`[${filter.drop}]`, 'g');
    dropPatterns.set(filter.drop, pattern);
  }
  return value.replace(pattern, '');
}

export function readLeadParams(params: Pick<PhpParams, 'get'>, filters: InputFilters): LeadParams {
  const read = {} as LeadParams;
  return addLeadParams(read, params, filters);
}

/** Reads the lead parameters onto `into` (the Agent API's request is built on them without a copy). */
export function addLeadParams<T extends object>(into: T, params: Pick<PhpParams, 'get'>, filters: InputFilters): T & LeadParams {
  const read = into as T & LeadParams;
  for (const name of LEAD_PARAM_NAMES) read[name] = filterParam(params.get(name), LEAD_PARAM_FILTERS[name], filters);
  return read;
}

/** The JSON-schema pattern a filtered parameter matches (on the decoded text). */
export function leadParamPattern(name: LeadParamName): string {
  const filter: ParamFilter = LEAD_PARAM_FILTERS[name];
  if ('keep' in filter) return `^[${filter.keep.replace('{L}', '\\p{L}')}]*$`;
  return `^[^${filter.drop}]*$`;
}

/**
 * The schema of a function's input made of `value`, the agent parameters
 * and lead parameters, each with the pattern of its filter.
 */
export function leadInputSchema<T extends Record<string, string>>(base: Readonly<Record<string, string>>, names: readonly LeadParamName[]): JSONSchemaType<T> {
  const properties: Record<string, { type: 'string'; pattern: string }> = {};
  for (const [name, pattern] of Object.entries(base)) properties[name] = { type: 'string', pattern };
  for (const name of names) properties[name] = { type: 'string', pattern: leadParamPattern(name) };
  return { type: 'object', properties, required: Object.keys(properties) } as unknown as JSONSchemaType<T>;
}

/** The lead parameters both APIs store, by VICIdial's names. */
export const STORED_LEAD_PARAMS = [
  'phone_code',
  'phone_number',
  'address1',
  'address2',
  'address3',
  'alt_phone',
  'city',
  'comments',
  'country_code',
  'date_of_birth',
  'email',
  'first_name',
  'gender',
  'last_name',
  'middle_initial',
  'postal_code',
  'province',
  'security_phrase',
  'source_id',
  'state',
  'title',
  'vendor_lead_code',
  'vendor_id',
  'rank',
  'owner',
] as const satisfies readonly LeadParamName[];

export type StoredLeadParams = Pick<LeadParams, (typeof STORED_LEAD_PARAMS)[number]>;

/** A `Y`/`YES` switch. */
export const asked = (flag: string): boolean => flag === 'YES' || flag === 'Y';

/** What the request says of the lead, as the core stores it (text, not bytes); `number` is the phone number it is added with. */
export function leadFieldsOf(input: StoredLeadParams, number: string): LeadFields {
  const text = bytesToText;
  const gender = text(input.gender);
  return {
    phoneCode: text(input.phone_code),
    phoneNumber: text(number),
    vendorLeadCode: text(input.vendor_id.length > 0 ? input.vendor_id : input.vendor_lead_code),
    sourceId: text(input.source_id),
    gmtOffsetNow: '0.00',
    title: text(input.title),
    firstName: text(input.first_name),
    middleInitial: text(input.middle_initial),
    lastName: text(input.last_name),
    address1: text(input.address1),
    address2: text(input.address2),
    address3: text(input.address3),
    city: text(input.city),
    state: text(input.state),
    province: text(input.province),
    postalCode: text(input.postal_code),
    countryCode: text(input.country_code),
    gender: gender === 'M' || gender === 'F' ? gender : 'U',
    dateOfBirth: input.date_of_birth === '' ? null : text(input.date_of_birth),
    altPhone: text(input.alt_phone),
    email: text(input.email),
    securityPhrase: text(input.security_phrase),
    comments: text(input.comments),
    rank: input.rank === '' ? 0 : Number(input.rank),
    owner: text(input.owner),
  };
}
