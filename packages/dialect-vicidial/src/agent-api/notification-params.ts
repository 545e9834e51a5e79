import type { InputFilters } from '../wire/input-filters';
import type { PhpParams } from '../wire/php-params';
import { filterParam, type ParamFilter } from './lead-params';

const DIGITS: ParamFilter = { keep: '0-9' };
const YES_NO: ParamFilter = { keep: 'YNyn' };

/** The parameters of send_notification, with VICIdial's filters (spec §1.3). */
export const NOTIFICATION_PARAM_FILTERS = {
  recipient: { keep: '-_0-9{L}' },
  recipient_type: { keep: '_{L}' },
  notification_date: { keep: '- :0-9' },
  /** Free text: everything but `;` and `#`; quotes stay, as data. */
  notification_text: { drop: ';#', plusIsSpace: true },
  text_size: DIGITS,
  text_font: { keep: '- ,{L}' },
  text_weight: { keep: ',{L}' },
  text_color: { keep: '0-9{L}' },
  show_confetti: YES_NO,
  duration: DIGITS,
  maxParticleCount: DIGITS,
  particleSpeed: DIGITS,
  notification_retry: YES_NO,
} satisfies Record<string, ParamFilter>;

export type NotificationParams = Record<keyof typeof NOTIFICATION_PARAM_FILTERS, string>;

const NOTIFICATION_PARAMS = Object.entries(NOTIFICATION_PARAM_FILTERS) as Array<[keyof NotificationParams, ParamFilter]>;

export function readNotificationParams(params: Pick<PhpParams, 'get'>, filters: InputFilters): NotificationParams {
  return addNotificationParams({}, params, filters);
}

/** Added onto `into` itself, as the lead parameters are (addLeadParams): no second object per request. */
export function addNotificationParams<T extends object>(into: T, params: Pick<PhpParams, 'get'>, filters: InputFilters): T & NotificationParams {
  const read = into as T & NotificationParams;
  for (const [name, filter] of NOTIFICATION_PARAMS) read[name] = filterParam(params.get(name), filter, filters);
  return read;
}

/** The JSON-schema pattern a filtered notification parameter matches (on the decoded text). */
export function notificationParamPattern(name: keyof NotificationParams): string {
  const filter: ParamFilter = NOTIFICATION_PARAM_FILTERS[name];
  if ('keep' in filter) return `^[${filter.keep.replace('{L}', '\\p{L}')}]*$`;
  return `^[^${filter.drop}]*$`;
}
