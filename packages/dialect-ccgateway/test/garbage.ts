import type { Response } from 'supertest';
import type supertest from 'supertest';
import type { Operation } from '../src/operation';
import { BASE, HUAWEI_SIGN_IN_SAMPLE, JSON_TYPE, SEED_PLAY_BODY } from './wire-client';

export const NASTY_STRINGS = [
  '',
  ' ',
  '0',
  '-1',
  '1e309',
  'true',
  'null',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  "'; DROP TABLE agents; --",
  '$(reboot)',
  '`id`',
  '%00',
  '\u0000\u0001\u001f',
  '\r\nX-Injected: 1',
  '𝕳𝖚𝖆𝖜𝖊𝖎',
  '\uFEFF',
  '\uD800',
  'Y:/1/0/20180621/105/1406470.V3',
  'Y:/../../../etc/shadow',
  'x'.repeat(101),
  'x'.repeat(5000),
  '<script>alert(1)</script>',
  '{"a":1}',
];

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** A value of any JSON type, often hostile. */
export function garbageValue(random: () => number, depth = 0): unknown {
  const roll = random();
  if (roll < 0.35) return pick(random, NASTY_STRINGS);
  if (roll < 0.5) return pick(random, [0, -1, 1, 3, 4, 5, 11, 1.5, 2147483648, -2147483649, Number.MAX_SAFE_INTEGER, 1e21]);
  if (roll < 0.6) return pick(random, [true, false, null]);
  if (roll < 0.7 && depth < 3) return [garbageValue(random, depth + 1), garbageValue(random, depth + 1)];
  if (roll < 0.8 && depth < 3) return { [pick(random, ['a', 'voicepath', 'password', '__proto__', 'constructor'])]: garbageValue(random, depth + 1) };
  return String(Math.floor(random() * 1e6));
}

const FIELD_NAMES = ['password', 'phonenum', 'status', 'agenttype', 'releasephone', 'autoanswer', 'autoenteridle', 'ip', 'entryIp', 'voicepath', 'startpostion', 'volumechange', 'speedchange', 'times', 'codeformat', 'locationId', '__proto__', 'constructor', ''];

/** A request body: a mutated valid one, random JSON, broken JSON, bytes, or a huge one. */
export function garbageBody(random: () => number, base: Record<string, unknown>): string | Buffer | undefined {
  const roll = random();
  if (roll < 0.1) return undefined;
  if (roll < 0.45) {
    const body: Record<string, unknown> = { ...base };
    const mutations = 1 + Math.floor(random() * 3);
    for (let i = 0; i < mutations; i += 1) {
      const name = pick(random, [...Object.keys(base), ...FIELD_NAMES]);
      if (random() < 0.2) delete body[name];
      else body[name] = garbageValue(random);
    }
    return JSON.stringify(body);
  }
  if (roll < 0.6) return JSON.stringify(garbageValue(random));
  if (roll < 0.75) {
    const text = JSON.stringify(base);
    return text.slice(0, Math.floor(random() * text.length));
  }
  if (roll < 0.85) return Buffer.from(Array.from({ length: 1 + Math.floor(random() * 200) }, () => Math.floor(random() * 256)));
  if (roll < 0.95) return `{"voicepath":"${'A'.repeat(200_000)}"}`;
  return pick(random, ['{"password":"","password":"x"}', '{"a":' + '['.repeat(5000) + ']'.repeat(5000) + '}', 'null', '[]', '""', '{}']);
}

export function garbageSegment(random: () => number): string {
  return encodeURIComponent(pick(random, [...NASTY_STRINGS.filter((s) => s.length < 200 && !s.includes('\uD800')), '101', '102', '100', '1000000', '0101']));
}


/** Sends one generated request for `operation`: mostly its own method, often hostile path segments, GUIDs, types and bodies. */
export async function sendGarbage(http: ReturnType<typeof supertest>, random: () => number, operation: Operation, guid: string): Promise<Response> {
  const base = operation.name === 'beginPlay' ? SEED_PLAY_BODY : HUAWEI_SIGN_IN_SAMPLE;
  const method = random() < 0.85 ? operation.method : pick(random, ['GET', 'PUT', 'POST', 'DELETE', 'PATCH']);
  const agentId = random() < 0.75 ? '101' : garbageSegment(random);
  const path = `${BASE}${operation.path.replace('{agentid}', agentId).replace(/\{[A-Za-z]+(:digits)?\}/g, () => (random() < 0.6 ? String(Math.floor(random() * 100)) : garbageSegment(random)))}`;
  const query = random() < 0.3 ? `?reason=${garbageSegment(random)}&prolong=${garbageSegment(random)}&calldata=${garbageSegment(random)}` : '';
  let req = http[method.toLowerCase() as 'get' | 'put' | 'post' | 'delete' | 'patch'](`${path}${query}`);
  const guidRoll = random();
  if (guidRoll < 0.7) req = req.set('Guid', guid);
  else if (guidRoll < 0.85) req = req.set('Guid', encodeURIComponent(pick(random, NASTY_STRINGS.filter((s) => s.length < 4000 && !s.includes('\uD800')))));
  req = req.set('Content-Type', pick(random, ['application/json; charset=UTF-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/json; charset=ISO-8859-1']));
  const body = garbageBody(random, base);
  return body === undefined ? req : req.send(body);
}

/** What every answer must look like, whatever was sent. */
export function expectDialectAnswer(res: Response): void {
  expect([200, 404, 405]).toContain(res.status);
  expect(res.headers['x-powered-by']).toBeUndefined();
  if (res.status === 405) {
    expect(res.text ?? '').toBe('');
    return;
  }
  expect(res.headers['content-type']).toBe(JSON_TYPE);
  expect(res.text).toMatch(/^\{"message":"[^"]*","retcode":"(0|[0-9]{3}-[0-9]{3})","(result|event)":/);
  expect(() => JSON.parse(res.text) as unknown).not.toThrow();
}

/** A seed for an operation's generator, from its name. */
export const seedOf = (name: string): number => [...name].reduce((sum, ch) => sum * 31 + ch.charCodeAt(0), 7) >>> 0;
