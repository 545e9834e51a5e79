/** Values the dialect writes: objects keep their key order, empty arrays are PHP's `[]`. */
export type WireValue = string | number | boolean | null | WireObject | readonly WireValue[];
export interface WireObject {
  readonly [key: string]: WireValue;
}

/**
 * JSON as the platform writes it. With `phpEscaping`, strings are escaped the
 * way PHP's `json_encode` does without flags (PhalApi's default response):
 * `/` becomes `\/` and every non-ASCII character a lowercase `\uXXXX`
 * (surrogate pairs beyond the BMP). Without it, plain `JSON.stringify`
 * escaping. Key order is insertion order in both cases.
 */
export function encodeJson(value: WireValue, phpEscaping: boolean): string {
  if (!phpEscaping) return JSON.stringify(value);
  return encodePhp(value);
}

function encodePhp(value: WireValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return phpString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : '0';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${(value as readonly WireValue[]).map(encodePhp).join(',')}]`;
  const entries = Object.entries(value as WireObject);
  return `{${entries.map(([key, item]) => `${phpString(key)}:${encodePhp(item)}`).join(',')}}`;
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '/': '\\/',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

function phpString(input: string): string {
  let out = '"';
  for (let index = 0; index < input.length; index += 1) {
    const char = input[index]!;
    const code = input.charCodeAt(index);
    const short = SHORT_ESCAPES[char];
    if (short !== undefined) out += short;
    else if (code < 0x20 || code > 0x7e) out += code === 0x7f ? char : `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return `${out}"`;
}
