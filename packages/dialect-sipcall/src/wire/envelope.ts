import type { WireAnswer } from '@pbx-gateway/dialect-kit';
import type { SipcallSettings } from '../settings';
import { encodeJson, type WireObject, type WireValue } from './php-json';
import { unixSeconds } from './time';

/**
 * PhalApi's answer: `{"ret":…,"data":…,"msg":…}`, always HTTP 200 (PhalApi's
 * JSON response never adjusts the HTTP status). `data` is `[]` when the
 * request failed before reaching a service (ret ≠ 200).
 */
export interface Envelope {
  ret: number;
  data: WireObject | readonly [];
  msg: string;
}

/** What the service did, for the API log. */
export interface Answer {
  envelope: Envelope;
  apiUserId?: string | null;
}

/** A request refused by the framework or the token check: `data` is `[]`. */
export const transportError = (ret: number, msg: string): Answer => ({ envelope: { ret, data: [], msg } });

/** A service that ran: `ret` 200, `data.status` 0, the service's `desc` and optional `result` (an object, or a query's list). */
export function success(desc: string, reqtime: Date, rsptime: Date, result?: WireObject | readonly WireValue[]): Envelope {
  const data: Record<string, WireValue> = { status: 0, desc };
  if (result) data.result = result;
  data.reqtime = unixSeconds(reqtime);
  data.rsptime = unixSeconds(rsptime);
  return { ret: 200, data, msg: '' };
}

/** A service that ran and was refused by the platform: `ret` 200, `data.status` 1, `errors` with a string code. */
export function businessFailure(code: string, codemsg: string, reqtime: Date, rsptime: Date): Envelope {
  return {
    ret: 200,
    data: { status: 1, desc: codemsg, errors: { code, codemsg }, reqtime: unixSeconds(reqtime), rsptime: unixSeconds(rsptime) },
    msg: '',
  };
}

export function renderEnvelope(envelope: Envelope, settings: Pick<SipcallSettings, 'contentType' | 'phpJsonEscaping'>): WireAnswer {
  const body = encodeJson({ ret: envelope.ret, data: envelope.data, msg: envelope.msg }, settings.phpJsonEscaping);
  return { status: 200, headers: { 'Content-Type': settings.contentType }, body };
}

/** Short result for the API log: `ret`, and the business status and code when there is one. */
export function logResult(envelope: Envelope): string {
  const data = envelope.data as { status?: unknown; errors?: { code?: unknown } };
  if (envelope.ret !== 200 || typeof data.status !== 'number') return String(envelope.ret);
  return data.status === 0 ? '200/0' : `200/1/${String(data.errors?.code ?? '')}`;
}
