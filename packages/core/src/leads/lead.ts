/**
 * A person to call and what is known of them. Field lengths are the
 * dialer's column lengths (VICIdial's `vicidial_list`), so that a CRM that
 * reads leads back gets what the dialer would keep.
 */
export interface LeadFields {
  phoneCode: string;
  phoneNumber: string;
  vendorLeadCode: string;
  sourceId: string;
  gmtOffsetNow: string;
  title: string;
  firstName: string;
  middleInitial: string;
  lastName: string;
  address1: string;
  address2: string;
  address3: string;
  city: string;
  state: string;
  province: string;
  postalCode: string;
  countryCode: string;
  /** U (unknown), M or F. */
  gender: string;
  /** `YYYY-MM-DD`, or null when unknown. */
  dateOfBirth: string | null;
  altPhone: string;
  email: string;
  securityPhrase: string;
  comments: string;
  rank: number;
  owner: string;
}

export interface Lead extends LeadFields {
  /** The dialer's lead number, from a sequence. */
  id: number;
  listId: number;
  /** The list the lead was first entered into. */
  entryListId: number;
  /** The lead's status (NEW, a disposition, CBHOLD while a callback waits). */
  status: string;
  /** Who last touched the lead (the API user who added it, the agent who dispositioned it). */
  user: string;
  entryDate: Date;
  modifyDate: Date;
  calledCount: number;
  /**
   * Whether the lead was dialled since its list was last reset: `N`, then
   * `Y` at the first dial, `Y1`, `Y2` … at each further one (the dialer's
   * own marks); a reset of the list makes it `N` again.
   */
  calledSinceLastReset: string;
}

export type NewLead = Omit<Lead, 'id'>;

/**
 * A lead's fields with nothing known but what is given (absent or undefined
 * values keep the defaults): empty texts, phone code 1, gender U, rank 0, no
 * date of birth, GMT offset 0.00.
 */
export function leadFieldsWith(given: Partial<LeadFields> & Pick<LeadFields, 'phoneNumber'>): LeadFields {
  const fields: LeadFields = {
    phoneCode: '1',
    phoneNumber: given.phoneNumber,
    vendorLeadCode: '',
    sourceId: '',
    gmtOffsetNow: '0.00',
    title: '',
    firstName: '',
    middleInitial: '',
    lastName: '',
    address1: '',
    address2: '',
    address3: '',
    city: '',
    state: '',
    province: '',
    postalCode: '',
    countryCode: '',
    gender: 'U',
    dateOfBirth: null,
    altPhone: '',
    email: '',
    securityPhrase: '',
    comments: '',
    rank: 0,
    owner: '',
  };
  for (const [name, value] of Object.entries(given)) if (value !== undefined) Object.assign(fields, { [name]: value });
  return fields;
}

/** What leads are looked up by; each criterion given must hold. */
/** Fields a lead must hold exactly (duplicate checks). */
export type LeadFieldMatch = Partial<Pick<LeadFields, 'phoneNumber' | 'altPhone' | 'title' | 'firstName' | 'lastName'>>;

export interface LeadSearch {
  leadId?: number;
  /** Any of these lead numbers (a batch named by number). */
  leadIds?: readonly number[];
  vendorLeadCode?: string;
  phoneNumber?: string;
  /** In these lists only. */
  listIds?: readonly number[];
  /** The most recently added first (VICIdial's exports); by lead number otherwise. */
  newestFirst?: boolean;
  /** Leads skipped, in that order, before the first one returned. */
  offset?: number;
}

/** The longest text each field holds. */
export const LEAD_FIELD_LENGTHS: Readonly<Record<Exclude<keyof LeadFields, 'rank' | 'dateOfBirth'>, number>> = {
  phoneCode: 10,
  phoneNumber: 18,
  vendorLeadCode: 20,
  sourceId: 50,
  gmtOffsetNow: 6,
  title: 4,
  firstName: 30,
  middleInitial: 1,
  lastName: 30,
  address1: 100,
  address2: 100,
  address3: 100,
  city: 50,
  state: 2,
  province: 50,
  postalCode: 10,
  countryCode: 3,
  gender: 1,
  altPhone: 12,
  email: 70,
  securityPhrase: 100,
  comments: 255,
  owner: 20,
};

/** A rank is a small integer, as the dialer's column. */
export const MAX_LEAD_RANK = 32767;

/** The largest dial count a lead keeps (the dialer's integer column). */
export const MAX_CALLED_COUNT = 2147483647;

/** The largest list number (the store's bigint, as far as a number holds it exactly). */
export const MAX_LIST_ID = Number.MAX_SAFE_INTEGER;

/** The fields that do not fit the lead's columns (a store in strict mode refuses such a row). */
export function oversizedLeadFields(fields: LeadFields): string[] {
  const tooLong: string[] = (Object.keys(LEAD_FIELD_LENGTHS) as Array<keyof typeof LEAD_FIELD_LENGTHS>).filter(
    (name) => [...fields[name]].length > LEAD_FIELD_LENGTHS[name],
  );
  if (!Number.isSafeInteger(fields.rank) || fields.rank < -MAX_LEAD_RANK - 1 || fields.rank > MAX_LEAD_RANK) tooLong.push('rank');
  if (fields.dateOfBirth !== null && !isCalendarDate(fields.dateOfBirth)) tooLong.push('dateOfBirth');
  return tooLong;
}

/** `YYYY-MM-DD` naming a day that exists. */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A lead not dialled since its list was last reset. */
export const NOT_CALLED_SINCE_RESET = 'N';
/** The highest mark a lead reaches (the dialer's column holds Y10 at most). */
const HIGHEST_CALLED_MARK = 10;

/** The mark after one more dial: N becomes Y, Y becomes Y1, Yn becomes Yn+1 (Y10 stays). */
export function calledAgainMark(mark: string): string {
  if (!mark.startsWith('Y')) return 'Y';
  const dials = mark === 'Y' ? 0 : Number(mark.slice(1));
  return `Y${Math.min(Number.isSafeInteger(dials) ? dials + 1 : 1, HIGHEST_CALLED_MARK)}`;
}

/** The longest status a lead, a call record or a callback keeps. */
export const MAX_STATUS_LENGTH = 6;

/** The longest comment a callback keeps. */
export const MAX_CALLBACK_COMMENTS_LENGTH = 255;

/** The status of a lead nobody has called yet. */
export const NEW_LEAD_STATUS = 'NEW';
/** The status of a lead while a call placed for it waits for its disposition. */
export const DIALLED_LEAD_STATUS = 'INCALL';
/** The status of a lead held for a scheduled callback. */
export const CALLBACK_HOLD_STATUS = 'CBHOLD';
