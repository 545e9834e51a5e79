import { bytesToText, utf8ToBytes } from './php-params';

/**
 * VICIdial's input filters (spec §1.3): every character outside a parameter's
 * class is silently removed before anything else looks at the value, so
 * `agent_user=77' OR 'a'='a` is the agent `77ORaa` in every echo.
 *
 * A class is written as the inside of a regular-expression character class;
 * `{L}` stands for "letters": `a-zA-Z`, or any Unicode letter when the system
 * setting `use_non_latin` is on (classes written `A-Z` stay ASCII, as in PHP).
 */
export type FilterClass = string;

export interface InputFilters {
  keep(value: string, allowed: FilterClass): string;
}

export function createInputFilters(useNonLatin: boolean): InputFilters {
  const cache = new Map<string, RegExp>();
  const pattern = (allowed: FilterClass): RegExp => {
    let regex = cache.get(allowed);
    if (!regex) {
      const letters = allowed.includes('{L}');
      regex =
        useNonLatin && letters
          ? new RegExp(`[^${allowed.replace('{L}', '\\p{L}')}]`, 'gu')
          : new RegExp(`[^${allowed.replace('{L}', 'a-zA-Z')}]`, 'g');
      cache.set(allowed, regex);
    }
    return regex;
  };
  return {
    keep(value, allowed) {
      // Most of the parameters read are absent.
      if (value === '') return '';
      const regex = pattern(allowed);
      if (!regex.unicode) return value.replace(regex, '');
      // PHP's /u patterns work on UTF-8 text and give up (empty result) on invalid UTF-8.
      const bytes = Buffer.from(value, 'latin1');
      const text = bytesToText(value);
      if (!Buffer.from(text, 'utf8').equals(bytes)) return '';
      return utf8ToBytes(text.replace(regex, ''));
    },
  };
}

/** Character classes of the parameters the implemented functions read (spec §1.3). */
export const FILTERS = {
  user: '-_0-9{L}',
  agentPass: '-.+/=_0-9{L}',
  nonAgentPass: '-_0-9{L}',
  identifier: '-_0-9{L}',
  value: '-|_0-9{L}',
  alphanumeric: '0-9{L}',
  upperLetters: 'A-Z',
  phoneNumber: '*#0-9{L}',
  /** In-group lists (` A B -`), after `+` became a space. */
  groupList: ' \\-_0-9{L}',
  phoneList: ',0-9',
  digits: '0-9',
  /** `alt_dial`: upper-case letters and digits. */
  upperAlphanumeric: '0-9A-Z',
  /** `notes`, after `+` became a space: words, spaces and dots. */
  notes: '- _.0-9{L}',
} as const;

/** Filters that first turn a literal `+` (sent as `%2B`) into a space, as VICIdial does for lists and texts. */
export const plusToSpace = (value: string): string => (value === '' ? '' : value.replace(/\+/g, ' '));

/** The `stage` filter removes four characters instead of keeping a class. */
export function removeQuotes(value: string): string {
  if (value === '') return '';
  return value.replace(/['"\\;]/g, '');
}

/** PHP's `strlen`: bytes, not characters. */
export const strlen = (bytes: string): number => bytes.length;
