import type { Request } from 'express';
import { rawQueryString, readRequestBody } from '@pbx-gateway/dialect-kit';

/**
 * Request parameters as VICIdial's PHP scripts see them.
 *
 * Values are *byte strings*: one JavaScript character per byte (0–255), as
 * PHP strings are. The input filters then remove bytes exactly as PHP's
 * `preg_replace` does, `strlen` counts bytes, and an echo sends the very
 * bytes the client sent, even when they are not valid UTF-8.
 */
export interface PhpParams {
  /** `$_GET[name]` if set, else `$_POST[name]`, else '' (VICIdial's reading order: GET wins). */
  get(name: string): string;
  /** Every parameter, GET over POST, decoded to text for the API log. */
  forLog(): Record<string, string>;
  /**
   * The request as VICIdial's script writes it out for the functions that
   * look for parameter names in it (update_fields, refresh_panel): the query
   * string as sent (undecoded), else the POST parameters as decoded `k=v`
   * pairs joined by `&`, both when there are both (`GET&GET-AND-POST=Y&POST`);
   * `'`, `"`, `\` and `;` removed.
   */
  rawQuery(): string;
}

/** PHP's `max_input_vars`: variables beyond this many are ignored. */
const MAX_INPUT_VARS = 1000;

export async function readPhpParams(req: Request, maxBodyBytes: number): Promise<PhpParams> {
  const queryString = rawQueryString(req.originalUrl ?? req.url);
  const query = collect(parseQueryPairs(queryString));
  // PHP fills $_POST from POST bodies only; anything it cannot parse (JSON,
  // text, a body above post_max_size, a broken multipart) leaves $_POST empty.
  let post = new Map<string, string>();
  if (req.method === 'POST') {
    // A url-encoded body is decoded exactly as the query string is (bytes, pairs in order).
    const urlEncoded = String(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
    const body = await readRequestBody(req, { maxBytes: maxBodyBytes, maxFields: MAX_INPUT_VARS, as: urlEncoded ? 'latin1' : 'declared' });
    if (body.kind === 'text' && urlEncoded) post = collect(parseQueryPairs(body.text));
    if (body.kind === 'form') {
      post = collect(Object.entries(body.params).map(([name, value]) => [utf8ToBytes(name), utf8ToBytes(value)] as [string, string]));
    }
  }
  return {
    get: (name) => query.get(name) ?? post.get(name) ?? '',
    rawQuery: () => scriptQueryString(queryString, post),
    forLog: () => {
      const out: Record<string, string> = {};
      for (const [name, value] of post) out[bytesToText(name)] = bytesToText(value);
      for (const [name, value] of query) out[bytesToText(name)] = bytesToText(value);
      return out;
    },
  };
}

const QUOTES = /['"\\;]/g;
const WIDER_THAN_A_BYTE = /[^\x00-\xff]/;

/** PhpParams.rawQuery from the query string as sent and the POST parameters as PHP read them. */
export function scriptQueryString(queryString: string, post: ReadonlyMap<string, string>): string {
  // The query string as the server hands it over: bytes, undecoded (wider characters as their UTF-8 bytes, as in urlDecodeToBytes).
  // (A query string of bytes already, the usual case, is not split into characters and joined again.)
  const bytes = WIDER_THAN_A_BYTE.test(queryString) ? [...queryString].map((char) => (char.charCodeAt(0) > 0xff ? utf8ToBytes(char) : char)).join('') : queryString;
  const get = bytes.replace(QUOTES, '');
  const posted = post.size === 0 ? '' : [...post].map(([name, value]) => `${name}=${value}`).join('&').replace(QUOTES, '');
  if (posted.length <= 2) return get;
  return get.length < 1 ? posted : `${get}&GET-AND-POST=Y&${posted}`;
}

/**
 * Splits a raw query string like PHP: `&` separates pairs, `+` is a space,
 * `%XX` is a byte, and a `%` not followed by two hex digits stays as it is.
 */
export function parseQueryPairs(raw: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const piece of raw.split('&')) {
    if (piece === '') continue;
    const equals = piece.indexOf('=');
    const name = equals === -1 ? piece : piece.slice(0, equals);
    const value = equals === -1 ? '' : piece.slice(equals + 1);
    pairs.push([urlDecodeToBytes(name), urlDecodeToBytes(value)]);
  }
  return pairs;
}

function urlDecodeToBytes(text: string): string {
  // Most names and values are plain ASCII with nothing to decode: no copy then.
  if (PLAIN.test(text)) return text;
  const spaced = text.replace(/\+/g, ' ');
  let out = '';
  for (let index = 0; index < spaced.length; index += 1) {
    const char = spaced[index]!;
    if (char === '%' && /^[0-9A-Fa-f]{2}$/.test(spaced.slice(index + 1, index + 3))) {
      out += String.fromCharCode(parseInt(spaced.slice(index + 1, index + 3), 16));
      index += 2;
    } else {
      // req.url carries bytes above 0x7F as latin1 characters already; anything
      // wider is re-encoded so that every character stays one byte.
      out += char.charCodeAt(0) > 0xff ? utf8ToBytes(char) : char;
    }
  }
  return out;
}

/** Printable ASCII without `%` or `+`: decodes to itself. */
const PLAIN = /^[\x20-\x24\x26-\x2a\x2c-\x7e]*$/;

/**
 * PHP's variable-name rules: leading spaces dropped, `.` and space become
 * `_`, `name[...]` is an array named `name` (an unmatched `[` becomes `_`).
 * Returns null for a name PHP ignores.
 */
export function phpParamName(raw: string): string | null {
  const name = raw.replace(/^ +/, '');
  const bracket = name.indexOf('[');
  if (bracket === -1) return name === '' ? null : mangle(name);
  const prefix = mangle(name.slice(0, bracket));
  if (prefix === '') return null;
  if (name.indexOf(']', bracket + 1) !== -1) return prefix;
  return `${prefix}_${name.slice(bracket + 1)}`;
}

const mangle = (name: string): string => name.replace(/[. ]/g, '_');

/**
 * Repeated names: the last one wins (PHP overwrites). An array parameter
 * (`name[]=x`), which crashes the real script, is read as its last element,
 * which is the same "last one wins".
 */
function collect(pairs: ReadonlyArray<[string, string]>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [rawName, value] of pairs.slice(0, MAX_INPUT_VARS)) {
    const name = phpParamName(rawName);
    if (name !== null) out.set(name, value);
  }
  return out;
}

/** ASCII is the same in UTF-8 and as bytes: the common case converts without a Buffer. */
const ASCII = /^[\x00-\x7f]*$/;

export const utf8ToBytes = (text: string): string => (ASCII.test(text) ? text : Buffer.from(text, 'utf8').toString('latin1'));
export const bytesToText = (bytes: string): string => (ASCII.test(bytes) ? bytes : Buffer.from(bytes, 'latin1').toString('utf8'));
