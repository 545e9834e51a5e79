import { checkDialableNumber, isDomainError, type JsonObject } from '@pbx-gateway/core';
import { VoipsunWireError } from '../errors';
import { MAX_CALLER_NUMBER, callerText, nonEmpty, truncate } from './text';

/** VoIPSUN's CDR columns CustomCDR1–4 are short text columns: longer values are cut, as MySQL cuts them. */
const MAX_STORED_TEXT = 255;
/** Ring times outside 1 s – 1 h are not ring times: the default applies. */
const MAX_RING_SEC = 3600;

/** `dstNum` as the core dials it; one it could not dial is a missing parameter (120). */
export function dialableOrMissing(number: string): string {
  try {
    return checkDialableNumber(number);
  } catch (error) {
    if (isDomainError(error, 'INVALID_NUMBER')) throw new VoipsunWireError('120');
    throw error;
  }
}

/** The parameters of `originate` and `dial` kept with the call and copied into its CDR data, as the client wrote them. */
const KEPT = ['customCDR1', 'customCDR2', 'customCDR3', 'customCDR4', 'monitorFilename', 'monitorPath', 'monitorType'] as const;

/**
 * Client data kept with the call and copied into its CDR: the custom CDR
 * fields, and the recording wishes as the client wrote them (the CDR's
 * `recording_file` names the file the engine wrote).
 */
export function callData(params: Partial<Record<(typeof KEPT)[number], string | null>>): JsonObject {
  const data: JsonObject = {};
  for (const name of KEPT) {
    const value = params[name];
    if (value !== undefined && value !== null) data[name] = truncate(value, MAX_STORED_TEXT);
  }
  return data;
}

export function ringSeconds(value: string | undefined | null): number | null {
  if (value === undefined || value === null || !/^[0-9]{1,7}$/.test(value)) return null;
  const seconds = Number(value);
  return seconds >= 1 && seconds <= MAX_RING_SEC ? seconds : null;
}

type DialerCidParams = { dialerCid?: string | null } & Partial<Record<'customCDR1' | 'customCDR2' | 'customCDR3' | 'customCDR4', string | null>>;

/** `dialerCid` as a caller number: `customCDR1`…`4` means that field's value; null when absent or empty. */
export function dialerCidOf(params: DialerCidParams): string | null {
  const requested = nonEmpty(params.dialerCid);
  const reference = requested === null ? null : /^customCDR([1-4])$/.exec(requested);
  const resolved = reference ? nonEmpty(params[`customCDR${reference[1] as '1' | '2' | '3' | '4'}`]) : requested;
  return callerText(resolved, MAX_CALLER_NUMBER);
}
