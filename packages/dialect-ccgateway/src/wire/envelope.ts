import type { WireAnswer } from '@pbx-gateway/dialect-kit';
import type { WireEvent } from './events';
import { renderEvent } from './events';

/**
 * The real gateway is a Java web application on Tomcat, which rebuilds a
 * content type as `type;charset=X` (no space); clients compare it loosely,
 * but we keep the exact form.
 */
export const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';

/** Values a `result` object may hold; rendered in the order given. */
export type ResultValue = string | number | boolean | null;
export type ResultFields = ReadonlyArray<readonly [string, ResultValue]>;

const json = (value: unknown): string => JSON.stringify(value);

function renderFields(fields: ResultFields): string {
  return `{${fields.map(([name, value]) => `${json(name)}:${json(value)}`).join(',')}}`;
}

/** `{"message":…,"retcode":…,"result":{…}}`, always in this key order. */
export function renderEnvelope(message: string, retcode: string, result: ResultFields = []): string {
  return `{"message":${json(message)},"retcode":${json(retcode)},"result":${renderFields(result)}}`;
}

/** An envelope whose `result` is not an object (agent status: a bare number; call ids: a list of strings). */
export function renderEnvelopeWithValue(message: string, retcode: string, result: number | string | readonly string[]): string {
  return `{"message":${json(message)},"retcode":${json(retcode)},"result":${json(result)}}`;
}

/** An envelope whose `result` is a list of objects (agent lists), each rendered in its fields' order. */
export function renderEnvelopeWithList(message: string, retcode: string, items: readonly ResultFields[]): string {
  return `{"message":${json(message)},"retcode":${json(retcode)},"result":[${items.map(renderFields).join(',')}]}`;
}

/** `{"message":"","retcode":"0","event":…}`: the poll answer, one event or null. */
export function renderEventEnvelope(event: WireEvent | null): string {
  return `{"message":"","retcode":"0","event":${event ? renderEvent(event) : 'null'}}`;
}

/** `{"message":"","retcode":"0","event":[…]}`: the all-agents poll answer, its events oldest first. */
export function renderEventListEnvelope(events: readonly WireEvent[]): string {
  return `{"message":"","retcode":"0","event":[${events.map(renderEvent).join(',')}]}`;
}

export function jsonAnswer(body: string, extraHeaders: Readonly<Record<string, string>> = {}): WireAnswer {
  return {
    status: 200,
    headers: { ...extraHeaders, 'Content-Type': JSON_CONTENT_TYPE, 'Content-Length': String(Buffer.byteLength(body)) },
    body,
  };
}

/** Success of a command-style interface, as the seed shows it. */
export const successAnswer = (extraHeaders: Readonly<Record<string, string>> = {}): WireAnswer =>
  jsonAnswer(renderEnvelope('success', '0'), extraHeaders);

/** A business failure: HTTP 200 with a non-"0" retcode. */
export const failureAnswer = (retcode: string, message: string): WireAnswer => jsonAnswer(renderEnvelope(message, retcode));

/** Each interface accepts one method; any other gets 405 with an empty body. */
export function methodNotAllowedAnswer(allow: string): WireAnswer {
  return { status: 405, headers: { Allow: allow, 'Content-Length': '0' }, body: '' };
}

/** A path under the prefix that names no interface at all. */
export function unknownInterfaceAnswer(): WireAnswer {
  const body = renderEnvelope('no such interface', '000-002');
  return { ...jsonAnswer(body), status: 404 };
}
