import { Encoded, type FieldValue } from './request-shape';
import type { SeededRandom } from '@pbx-gateway/test-support';

/**
 * Values a hostile or broken client sends. None of them contains a demo
 * secret, `1234`, or a word the answer checks look for in the gateway's own
 * output (`undefined`, `NaN`, `[object Object]`, `Error:`, HTML page markers),
 * so finding one of those in an answer is the gateway's doing.
 */

export const UNICODE: readonly FieldValue[] = [
  '\u202Eevil\u202C',
  '\u200F\u05E9\u05DC\u05D5\u05DD',
  '\u0645\u0631\u062D\u0628\u0627',
  '😀📞🔥',
  '👨‍👩‍👧‍👦',
  'e\u0301\u0301\u0301',
  '\uFEFFbom',
  '\uFFFD\uFFFE\uFFFF',
  '\u0000',
  'a\u0000b',
  '９８７６５',
  '٣٣٣',
  'İıßẞ',
  '𝕳𝖚𝖆𝖜𝖊𝖎',
  new Encoded('%ED%A0%80', '\uD800'),
  new Encoded('x%ED%B0%80y', 'x\uDC00y'),
  new Encoded('%C0%AF', '\uFFFD\uFFFD'),
  new Encoded('%FF%FE%FD', '\uFFFD\uFFFD\uFFFD'),
  new Encoded('%F4%90%80%80', '\uFFFD'),
  new Encoded('%E2%82', '\uFFFD'),
];

export const CONTROL: readonly FieldValue[] = [
  '\r\nX-Injected: 1',
  '\n',
  '\r',
  '\t',
  '\u0001\u0002\u0003',
  '\u001b[31mred\u001b[0m',
  '\u007f',
  '\u0085\u2028\u2029',
  'line1\nline2',
  '\u0000\u0000\u0000',
  '\b\f\v',
];

export const INJECTION: readonly FieldValue[] = [
  "' OR 1=1 --",
  "' OR '1'='1",
  '" OR ""="',
  "1; DROP TABLE calls; --",
  "'); DELETE FROM agents; --",
  "x' UNION SELECT secret_hash FROM api_users --",
  '; rm -rf /',
  '$(id)',
  '`id`',
  '| cat /etc/passwd',
  '&& reboot',
  '${7*7}',
  '{{7*7}}',
  '%s%s%s%n',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '\\',
  '\\\\server\\share',
  '*',
  '%',
  '_',
];

export const TRAVERSAL: readonly FieldValue[] = [
  '../../etc/passwd',
  '../../../../../../etc/shadow',
  '..\\..\\windows\\win.ini',
  '/etc/passwd',
  'Y:/../../etc/passwd',
  'Y:/1/../../../etc/passwd.V3',
  'Y:\\..\\..\\boot.ini',
  'C:/Windows/System32/drivers/etc/hosts',
  'file:///etc/passwd',
  'sound:../../../etc/passwd',
  'http://127.0.0.1:22/x.mp3',
  'http://user:pw@www.baidu.com/x.mp3',
  'gopher://www.baidu.com/x',
  'javascript:alert(1)',
  'data:audio/wav;base64,AAAA',
  '....//....//etc/passwd',
  'ss-noservice/../../x',
  new Encoded('..%2F..%2Fetc%2Fpasswd', '../../etc/passwd'),
  new Encoded('%2e%2e%2f%2e%2e%2fetc%2fpasswd', '../../etc/passwd'),
  new Encoded('..%252F..%252Fetc', '..%2F..%2Fetc'),
  new Encoded('..%c0%af..%c0%afetc', '..\uFFFD\uFFFD..\uFFFD\uFFFDetc'),
  'recordings/1/0/20180621/105/1406470',
  'x'.repeat(101),
];

/** Escapes a URL decoder chokes on, as they go on the wire. */
export const BAD_ESCAPES: readonly FieldValue[] = [
  new Encoded('%ZZ', '%ZZ'),
  new Encoded('%', '%'),
  new Encoded('%2', '%2'),
  new Encoded('%%41', '%%41'),
  new Encoded('%u0041', '%u0041'),
  new Encoded('%00', '\u0000'),
  new Encoded('a%0', 'a%0'),
  new Encoded('+%2B+', ' + '),
];

/** Numbers and things that look like numbers. */
export const NUMERIC: readonly FieldValue[] = [
  0,
  -1,
  1.5,
  2147483648,
  -2147483649,
  9007199254740993,
  1e21,
  '1e309',
  '-0',
  '0x1F',
  '0b101',
  '00000000000000000000000000001',
  '99999999999999999999999999999',
  '+',
  '#',
  '*',
  ' 5 ',
  '5abc',
  'abc',
  '',
  ' ',
];

/** Names a request should not carry, including ones that break naive object handling. */
export const NOISE_NAMES: readonly string[] = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '',
  '[]',
  '[',
  'a]b[',
  '=',
  '&',
  ' leading',
  'x'.repeat(300),
  '\u00e9\u00e8',
  'DB',
  'format',
  's',
];

export function hostileValue(random: SeededRandom): FieldValue {
  const pool = random.pick([UNICODE, CONTROL, INJECTION, TRAVERSAL, NUMERIC, BAD_ESCAPES]);
  return random.pick(pool);
}

/** A value of 10 k – 1 M characters (log-uniform), from one of a few fillers. */
export function overlongValue(random: SeededRandom): string {
  const length = Math.round(10_000 * 100 ** random.next());
  const unit = random.pick(['A', '9', 'é', '😀', '%', '../', '\u0000', "'"]);
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, Math.max(length, unit.length));
}

/** A string of random digits that never contains `1234` (a demo secret the API-log check searches for). */
export function randomDigits(random: SeededRandom, length: number): string {
  let out = '';
  while (out.length < length) {
    out += String(random.int(10));
    if (out.endsWith('1234')) out = out.slice(0, -1);
  }
  return out;
}
