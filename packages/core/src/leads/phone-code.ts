/**
 * A row of the dialer's phone-code table (VICIdial's vicidial_phone_codes):
 * the standard GMT offset of a country's area code in one state, and the
 * daylight-saving rule it follows.
 */
export interface PhoneCode {
  /** The country calling code (1, 44, 61 …). */
  countryCode: string;
  /** The area code within the country (`727`; for countries looked up by state, any code of the state). */
  areaCode: string;
  /** The state or province the area code lies in (`FL`, `NSW`). */
  state: string;
  /** Hours from GMT outside daylight saving (`-5`, `5.5`). */
  gmtOffset: number;
  /** Whether daylight saving applies; its rule is `dstRange`. */
  dst: boolean;
  /** The daylight-saving rule's code (`SSM-FSN` …); empty without daylight saving. */
  dstRange: string;
  /** The time-zone code an owner field may name (`EST`, `AEST`), for the owner-code method. */
  timeZoneCode: string;
  /** The country's name (`USA`). */
  country: string;
  description: string;
}

/** A row of the dialer's postal-code table (VICIdial's vicidial_postal_codes). */
export interface PostalCode {
  countryCode: string;
  postalCode: string;
  state: string;
  gmtOffset: number;
  dst: boolean;
  dstRange: string;
  country: string;
}

/**
 * A row of the dialer's NANPA prefix table (VICIdial's
 * vicidial_nanpa_prefix_codes): a North American exchange (area code and
 * prefix, `727` `555`), its standard GMT offset, whether it keeps daylight
 * saving (the North American rule, SSM-FSN) and its line type.
 */
export interface NanpaPrefix {
  areaCode: string;
  prefix: string;
  gmtOffset: number;
  dst: boolean;
  /** The exchange's line type: `C` cellphone, `S` or `V` landline, as the prefix data gives it; empty when unknown. */
  type: string;
  city: string;
  state: string;
}

/** Fewer NANPA prefixes than this and the dialer treats the prefix data as not loaded (VICIdial's threshold). */
export const NANPA_PREFIXES_LOADED = 10;
