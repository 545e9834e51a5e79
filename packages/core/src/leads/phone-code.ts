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
