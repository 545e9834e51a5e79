import { parseLocalDateTime } from '@pbx-gateway/dialect-kit';
import type { CallDirection } from '@pbx-gateway/core';

/** `yyyy-mm-dd hh:mm:ss` as the vendor's CDR query takes it (seconds required). */
export const DATE_TIME = { type: 'string', maxLength: 19, pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$' } as const;

/** A page number or size: digits without a sign, bounded in the service. */
export const WHOLE_NUMBER = { type: 'string', maxLength: 9, pattern: '^[0-9]+$', nullable: true } as const;

/** The instant a CDR query time names in the platform's time zone; null when the calendar has no such day or time. */
export function queryTime(value: string, timeZone: string): Date | null {
  return parseLocalDateTime(value, timeZone);
}

/** `direction` 1 inbound, 2 outbound, 3 both (undefined). */
export function directionOf(value: string): CallDirection | undefined {
  if (value === '1') return 'inbound';
  if (value === '2') return 'outbound';
  return undefined;
}

/** `syncflag` 1 not yet fetched, 2 already fetched, 3 both (undefined). */
export function readFilterOf(value: string): boolean | undefined {
  if (value === '1') return false;
  if (value === '2') return true;
  return undefined;
}
