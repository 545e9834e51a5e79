import type { JsonObject } from '@pbx-gateway/core';
import { PRINTABLE } from './params';

/**
 * Schema pieces the call services share, so one parameter name means one rule
 * in every service (PlayVoice's limits where it has the parameter).
 */
export const EXTNUMBER = { type: 'string', maxLength: 32, pattern: '^[0-9A-Za-z_.*#+-]+$' } as const;
export const PHONE_NUMBER = { type: 'string', maxLength: 32, pattern: PRINTABLE } as const;
export const DISNUMBER = { type: 'string', maxLength: 32, pattern: '^\\+?[0-9*#]{1,32}$', nullable: true } as const;
export const TEXT64 = { type: 'string', maxLength: 64, pattern: PRINTABLE, nullable: true } as const;
export const CUSTOMUUID = { type: 'string', maxLength: 255, pattern: PRINTABLE, nullable: true } as const;

/** The client's own fields of a call request: what the status and CDR callbacks echo. */
export interface EchoParams {
  customuuid?: string;
  chengshudu?: string;
  memberid?: string;
  /** The CRM's user (employee) id: the CDR's `crmid`. */
  userid?: string;
}

/** Client data the callbacks echo; absent ones are left out (the CDR callback writes `"0"`). */
export function echoData(request: EchoParams): JsonObject {
  const data: JsonObject = {};
  if (request.customuuid !== undefined) data.customuuid = request.customuuid;
  if (request.chengshudu !== undefined) data.chengshudu = request.chengshudu;
  if (request.memberid !== undefined) data.memberid = request.memberid;
  if (request.userid !== undefined) data.crmid = request.userid;
  return data;
}
