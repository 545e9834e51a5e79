import type { TimeZoneRepository } from '../ports/lead-repositories';
import { inDaylightSaving, isDstRange } from './daylight-saving';
import type { PhoneCode } from './phone-code';

/**
 * How a number's time zone is found (VICIdial's list and API `tz_method`):
 * by its country and area code (by state in Australia), by its postal code
 * (country 1 only), by the time-zone code its owner field names or by its
 * NANPA exchange (area code and prefix); the last three fall back to the
 * first when they find nothing.
 */
export type TimeZoneMethod = 'areaCode' | 'postalCode' | 'ownerCode' | 'nanpaPrefix';

/** What a number's time zone is looked up by: a lead's own fields. */
export interface NumberToLocate {
  phoneCode: string;
  phoneNumber: string;
  state: string;
  postalCode: string;
  owner: string;
}

/** A number's offset from GMT at a moment: its standard offset and whether daylight saving adds an hour. */
export interface NumberGmtOffset {
  /** Hours from GMT outside daylight saving. */
  standard: number;
  dst: boolean;
  /** What the offset was found by. */
  foundBy: TimeZoneMethod;
}

/** The hours from GMT now: the standard offset, plus one during daylight saving. */
export const hoursNow = (offset: NumberGmtOffset): number => offset.standard + (offset.dst ? 1 : 0);

/** An offset as the lead keeps it (`gmt_offset_now`): hours with two decimals (`-4.00`, `5.50`). */
export function storedGmtOffset(offset: NumberGmtOffset | null): string {
  const hours = offset === null ? 0 : hoursNow(offset);
  return (Object.is(hours, -0) ? 0 : hours).toFixed(2);
}

/** The local time of a number at that offset, read on a UTC clock. */
export const localTimeAt = (at: Date, hours: number): Date => new Date(at.getTime() + hours * 3_600_000);

/** The daylight-saving rule of every NANPA exchange that keeps it: North America's. */
const NANPA_DST_RANGE = 'SSM-FSN';

interface FoundZone {
  gmtOffset: number;
  dstRange: string;
  foundBy: TimeZoneMethod;
}

/**
 * A number's GMT offset at `at`, as the dialer's tables give it; null when
 * no row of its country is known.
 */
export async function numberGmtOffset(zones: TimeZoneRepository, number: NumberToLocate, method: TimeZoneMethod, at: Date): Promise<NumberGmtOffset | null> {
  const found = (await byMethod(zones, number, method)) ?? (await byAreaCode(zones, number));
  if (found === null) return null;
  const dst = isDstRange(found.dstRange) && inDaylightSaving(found.dstRange, localTimeAt(at, found.gmtOffset));
  return { standard: found.gmtOffset, dst, foundBy: found.foundBy };
}

async function byMethod(zones: TimeZoneRepository, number: NumberToLocate, method: TimeZoneMethod): Promise<FoundZone | null> {
  // Postal codes are kept for North America only; a code matches by its beginning.
  if (method === 'postalCode' && number.postalCode.length > 4 && number.phoneCode === '1') {
    const postal = await zones.findPostalCode(number.phoneCode, number.postalCode);
    return postal && { gmtOffset: postal.gmtOffset, dstRange: postal.dst ? postal.dstRange : '', foundBy: 'postalCode' };
  }
  if (method === 'ownerCode' && number.owner.length > 1) {
    const codes = await zones.findPhoneCodes({ countryCode: number.phoneCode, timeZoneCode: number.owner });
    if (codes.length === 0) return null;
    // One offset per code; the daylight-saving rule is any the code's rows name.
    const range = codes.map((code) => code.dstRange).sort().reverse()[0] ?? '';
    return { gmtOffset: codes[0]!.gmtOffset, dstRange: range, foundBy: 'ownerCode' };
  }
  // Any country code, as VICIdial's lookup: the first six digits name the exchange.
  if (method === 'nanpaPrefix' && number.phoneNumber.length > 5) {
    const exchange = await zones.getNanpaPrefix(number.phoneNumber.slice(0, 3), number.phoneNumber.slice(3, 6));
    return exchange && { gmtOffset: exchange.gmtOffset, dstRange: exchange.dst ? NANPA_DST_RANGE : '', foundBy: 'nanpaPrefix' };
  }
  return null;
}

/**
 * By country and area code (the number's first three digits) in North
 * America and Mexico, by state in Australia (else the country's first
 * row); any other country by its first row. An area code the table does
 * not hold has no offset: VICIdial takes the country's first row there,
 * which only a table missing that area code makes a guess of (see docs).
 */
async function byAreaCode(zones: TimeZoneRepository, number: NumberToLocate): Promise<FoundZone | null> {
  const countryCode = number.phoneCode;
  const byArea = countryCode === '1' || countryCode === '52';
  let codes: PhoneCode[] = [];
  if (byArea) codes = await zones.findPhoneCodes({ countryCode, areaCode: number.phoneNumber.slice(0, 3) });
  else if (countryCode === '61') codes = await zones.findPhoneCodes({ countryCode, state: number.state });
  if (codes.length === 0 && !byArea) codes = await zones.findPhoneCodes({ countryCode });
  const code = codes[0];
  return code ? { gmtOffset: code.gmtOffset, dstRange: code.dst ? code.dstRange : '', foundBy: 'areaCode' } : null;
}
