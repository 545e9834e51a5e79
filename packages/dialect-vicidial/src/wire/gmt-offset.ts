import { storedGmtOffset, type NumberGmtOffset, type TimeZoneMethod } from '@pbx-gateway/core';
import { gmtNow, storedGmt } from './server-time';

/**
 * A number's GMT offset as VICIdial prints it: the phone code's stored text
 * (`-5.00`) outside daylight saving, incremented the PHP way (`-4`, `11`,
 * `6.5`) during it; empty when no phone code of its country is known.
 */
export function printedGmtOffset(offset: NumberGmtOffset | null): string {
  if (offset === null) return '';
  return gmtNow(storedGmt(offset.standard * 60), offset.dst ? 1 : 0);
}

/**
 * A `tz_method` as VICIdial's lookup reads it: one containing NANPA looks
 * up the number's exchange in the NANPA prefixes, one containing POSTAL the
 * postal code, exactly TZCODE the owner's time-zone code; anything else the
 * area code (where each finds nothing, the area code too).
 */
export function timeZoneMethodOf(tzMethod: string): TimeZoneMethod {
  if (/NANPA/i.test(tzMethod)) return 'nanpaPrefix';
  if (/POSTAL/i.test(tzMethod)) return 'postalCode';
  if (tzMethod === 'TZCODE') return 'ownerCode';
  return 'areaCode';
}

/**
 * The offset a new lead's SUCCESS line shows: as VICIdial prints it, or the
 * 0.00 the lead keeps when no phone code of its country is known (VICIdial
 * would print nothing there and keep 0.00; see docs).
 */
export const newLeadGmtOffset = (offset: NumberGmtOffset | null): string => (offset === null ? storedGmtOffset(null) : printedGmtOffset(offset));
