import type { Call, Cdr, JsonValue } from '@pbx-gateway/core';
import type { SipcallCallbackSettings } from '../settings';
import type { WireObject } from '../wire/php-json';
import type { CompanyCallbacks } from './company';
import { presentedNumber } from './status-callback';
import { seatExtension } from '../seats';

/** CDR `callmethod` by the operation that started the call (vendor table: 3 API call, 4 API double call, 6 IVR / voice menu). */
const CALL_METHODS: Readonly<Record<string, number>> = { PlayVoice: 6, MakeCall: 3, DoubleCall: 4 };
const DEFAULT_CALL_METHOD = 3;

/**
 * The calls of one CDR `callmethod`, by the operation that started them (the
 * inverse of CALL_METHODS): the default method covers every operation the
 * table does not name; a method no operation gives has no calls.
 */
export function operationsOfCallMethod(method: number): { in: readonly string[] } | { notIn: readonly string[] } {
  const named = Object.keys(CALL_METHODS);
  const own = named.filter((operation) => CALL_METHODS[operation] === method);
  if (method === DEFAULT_CALL_METHOD) return { notIn: named.filter((operation) => CALL_METHODS[operation] !== method) };
  return { in: own };
}

const wholeSeconds = (at: Date): number => Math.floor(at.getTime() / 1000);

/**
 * The CDR callback of a call, keys in the seed's order with the seed's value
 * types (numbers where its example has numbers). `duration` is the wait until
 * answer (or until the end, unanswered) and `billsec` the talk time; both are
 * differences of the whole-second times the callback shows, so they always
 * agree with them. Client echo fields the request did not give are `"0"`.
 * `extnumber` is the call's extension, or for a queue call a seat took (a
 * customer transferred into a queue) the seat's.
 */
export function cdrCallbackBody(
  call: Call,
  cdr: Cdr,
  company: CompanyCallbacks,
  settings: SipcallCallbackSettings,
  formatTime: (at: Date) => string,
): WireObject {
  const start = wholeSeconds(cdr.startedAt);
  const end = Math.max(start, wholeSeconds(cdr.endedAt));
  const answer = cdr.answeredAt ? Math.min(end, Math.max(start, wholeSeconds(cdr.answeredAt))) : null;
  return {
    answertime: cdr.answeredAt ? formatTime(cdr.answeredAt) : '',
    hangupcause: hangupCause(cdr, settings),
    duration: (answer ?? end) - start,
    id: cdr.id,
    extnumber: cdr.extension ?? (cdr.agentId !== null ? seatExtension(cdr.agentId) : null) ?? '',
    uuid: cdr.callId,
    downloadip: company.downloadIp,
    customuuid: echo(cdr.data.customuuid),
    chengshudu: echo(cdr.data.chengshudu),
    callmethod: CALL_METHODS[call.origin.operation] ?? DEFAULT_CALL_METHOD,
    recordfilename: cdr.recordingFile ?? '',
    companycode: settings.cdrCompanycodeAsNumber && /^[0-9]{1,15}$/.test(company.companycode) ? Number(company.companycode) : company.companycode,
    memberid: echo(cdr.data.memberid),
    hangupdirection: settings.hangupDirections[cdr.hangupSide],
    billsec: answer === null ? 0 : end - answer,
    endtime: formatTime(cdr.endedAt),
    starttime: formatTime(cdr.startedAt),
    type: cdr.direction === 'inbound' ? 'callin' : 'callout',
    disnumber: presentedNumber(call),
    crmid: echo(cdr.data.crmid),
    userkey: cdr.pressedKey ?? '',
    destnumber: cdr.toNumber,
  };
}

/** The platform's cause for the call's Q.850 cause: the table, else normal clearing if answered, else not answered. */
export function hangupCause(cdr: Pick<Cdr, 'hangupCause' | 'answeredAt'>, settings: SipcallCallbackSettings): number {
  const mapped = settings.hangupCauses[String(cdr.hangupCause)];
  if (mapped !== undefined) return mapped;
  return cdr.answeredAt ? settings.hangupCauseDefault.answered : settings.hangupCauseDefault.unanswered;
}

function echo(value: JsonValue | undefined): string {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  return '0';
}
