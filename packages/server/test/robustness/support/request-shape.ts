/**
 * A request as a generator sees it (fields with their place: query or body,
 * and how the body is encoded) and its serialisation into the bytes a client
 * sends. Repeated names, PHP array syntax, duplicate JSON keys and raw
 * percent-escapes are all expressible, so mutations can produce anything a
 * hostile client can.
 */

/** Bytes given already percent-encoded (bad escapes, lone surrogates), with the text a JSON or multipart body carries instead. */
export class Encoded {
  constructor(
    readonly encoded: string,
    readonly text: string,
  ) {}
}

export type FieldValue = string | number | boolean | null | Encoded | FieldValue[] | { [name: string]: FieldValue };

/** What a field means to its operation, so that mutations can aim (file names get path traversal ...). */
export type FieldRole = 'plain' | 'secret' | 'file' | 'number' | 'agent' | 'service';

export interface Field {
  name: string;
  value: FieldValue;
  at: 'query' | 'body';
  role: FieldRole;
  /** Other values the operation accepts here (other stages, selectors ...): mutations may swap one in. */
  alternatives?: readonly FieldValue[];
}

export type BodyEncoding = 'none' | 'form' | 'multipart' | 'json';

export interface RequestShape {
  method: string;
  /** Path segments, each already encoded as it goes on the wire. */
  path: string[];
  /** Indexes of `path` that are parameters of the interface (CC-Gateway `{agentid}`, `{time}`). */
  pathParams: number[];
  /** The first segment below the dialect's own prefix: the segments before it route the request to the dialect. */
  pathFrom: number;
  fields: Field[];
  bodyEncoding: BodyEncoding;
  headers: Record<string, string>;
  /** Replaces the Content-Type the body encoding implies; null sends none. */
  contentType?: string | null;
  /** Replaces the serialised body fields (malformed and huge bodies). */
  rawBody?: Buffer;
}

/** What goes on the wire. */
export interface WireRequest {
  method: string;
  target: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export const MULTIPART_BOUNDARY = 'bad-input-boundary-7MA4YWxkTrZu0gW';

export function cloneShape(shape: RequestShape): RequestShape {
  return {
    ...shape,
    path: [...shape.path],
    pathParams: [...shape.pathParams],
    fields: shape.fields.map((field) => ({ ...field })),
    headers: { ...shape.headers },
  };
}

const UNRESERVED = /[A-Za-z0-9\-_.~]/;

/** Percent-encodes every byte outside the unreserved set (UTF-8; a lone surrogate must come as `Encoded`). */
export function percentEncode(text: string): string {
  try {
    // The native encoder is fast on megabyte values; it leaves a few reserved characters alone.
    return encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  } catch {
    let out = '';
    for (const byte of Buffer.from(text, 'utf8')) {
      const char = String.fromCharCode(byte);
      out += byte < 0x80 && UNRESERVED.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    return out;
  }
}

/** Names keep PHP's bracket syntax readable (`pass[]`), everything else is escaped. */
function encodeName(name: string): string {
  return percentEncode(name).replace(/%5B/g, '[').replace(/%5D/g, ']');
}

function scalarText(value: FieldValue): string {
  if (value instanceof Encoded) return value.text;
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? '1' : '';
  return String(value);
}

function scalarEncoded(value: FieldValue): string {
  return value instanceof Encoded ? value.encoded : percentEncode(scalarText(value));
}

/** Form and query pairs: arrays and objects become PHP's `name[]=` / `name[key]=`. */
function formPairs(name: string, value: FieldValue, depth = 0): Array<{ name: string; value: FieldValue }> {
  if (Array.isArray(value)) {
    if (depth > 3) return [{ name: `${name}[]`, value: '' }];
    return value.flatMap((item) => formPairs(`${name}[]`, item, depth + 1));
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Encoded)) {
    if (depth > 3) return [{ name: `${name}[x]`, value: '' }];
    return Object.entries(value).flatMap(([key, item]) => formPairs(`${name}[${key}]`, item, depth + 1));
  }
  return [{ name, value }];
}

function encodePairs(fields: readonly Field[]): string {
  return fields
    .flatMap((field) => formPairs(field.name, field.value))
    .map((pair) => `${encodeName(pair.name)}=${scalarEncoded(pair.value)}`)
    .join('&');
}

function jsonValue(value: FieldValue): unknown {
  if (value instanceof Encoded) return value.text;
  if (Array.isArray(value)) return value.map(jsonValue);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, jsonValue(item)]));
  return value;
}

/** A JSON object written key by key, so that a repeated name stays repeated. */
function jsonText(fields: readonly Field[]): string {
  return `{${fields.map((field) => `${JSON.stringify(field.name)}:${JSON.stringify(jsonValue(field.value)) ?? 'null'}`).join(',')}}`;
}

function multipartBody(fields: readonly Field[]): Buffer {
  const parts = fields.flatMap((field) => formPairs(field.name, field.value));
  const chunks = parts.map(
    (pair) => `--${MULTIPART_BOUNDARY}\r\nContent-Disposition: form-data; name="${pair.name.replace(/"/g, '%22').replace(/[\r\n]/g, '')}"\r\n\r\n${scalarText(pair.value)}\r\n`,
  );
  return Buffer.from(`${chunks.join('')}--${MULTIPART_BOUNDARY}--\r\n`, 'utf8');
}

function impliedContentType(encoding: BodyEncoding): string | null {
  switch (encoding) {
    case 'form':
      return 'application/x-www-form-urlencoded';
    case 'multipart':
      return `multipart/form-data; boundary=${MULTIPART_BOUNDARY}`;
    case 'json':
      return 'application/json; charset=UTF-8';
    case 'none':
      return null;
  }
}

export function serialize(shape: RequestShape): WireRequest {
  const queryFields = shape.fields.filter((field) => field.at === 'query');
  const bodyFields = shape.fields.filter((field) => field.at === 'body');
  const query = encodePairs(queryFields);
  const target = `/${shape.path.join('/')}${query === '' ? '' : `?${query}`}`;
  let body: Buffer | undefined = shape.rawBody;
  if (body === undefined && shape.bodyEncoding !== 'none' && bodyFields.length > 0) {
    if (shape.bodyEncoding === 'form') body = Buffer.from(encodePairs(bodyFields), 'latin1');
    else if (shape.bodyEncoding === 'multipart') body = multipartBody(bodyFields);
    else body = Buffer.from(jsonText(bodyFields), 'utf8');
  }
  const headers: Record<string, string> = { ...shape.headers };
  const contentType = shape.contentType === undefined ? impliedContentType(shape.bodyEncoding) : shape.contentType;
  if (contentType !== null && body !== undefined) headers['Content-Type'] = contentType;
  return { method: shape.method, target, headers, ...(body === undefined ? {} : { body }) };
}

/** A short, printable account of a request for failure messages. */
export function describeRequest(request: WireRequest): string {
  const body = request.body === undefined ? '' : ` body(${request.body.length} B)=${JSON.stringify(request.body.subarray(0, 160).toString('latin1'))}`;
  const headers = Object.entries(request.headers)
    .map(([name, value]) => `${name}: ${value.slice(0, 80)}`)
    .join('; ');
  return `${request.method} ${request.target.slice(0, 300)}${request.target.length > 300 ? `…(${request.target.length})` : ''} [${headers}]${body}`;
}
