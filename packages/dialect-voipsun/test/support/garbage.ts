import { seededRandom as sharedSeededRandom } from '@pbx-gateway/test-support';
import type supertest from 'supertest';
import { WIRE_REASONS, type Errno } from '../../src';

/**
 * A small seeded generator of broken requests: it takes a valid request of
 * an action and mutates it (drops, repeats, renames parameters, fills them
 * with hostile values, sends them by other methods and bodies). The same
 * seed always gives the same requests, so a failure can be replayed.
 */
export interface GarbageRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  /** Raw query string, safe to put on a request line. */
  query: string;
  body?: { contentType: string; payload: string };
  /** What was done to the valid request, for the failure message. */
  mutations: string[];
}

type Pair = [name: string, value: string];

/** The tests' seeded generator (test-support), as a bare function: good enough to pick mutations. */
export function seededRandom(seed: number): () => number {
  return sharedSeededRandom(seed).next;
}

const HOSTILE_VALUES: readonly string[] = [
  '',
  ' ',
  "' OR '1'='1' --",
  '1; DROP TABLE cdrs; --',
  '$(reboot)',
  '`id`',
  '| cat /etc/passwd',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '\u0000',
  'a\u0000b',
  '\r\nX-Injected: 1',
  '\u0007\u001b[31m',
  '😀😀😀',
  '\u202eevil',
  'žluťoučký kůň',
  '日本語',
  '\uFFFF',
  '<script>alert(1)</script>',
  '{"success":"true"}',
  '%s%s%s%n',
  '-1',
  '0',
  '1e309',
  'NaN',
  'null',
  'true',
  '[]',
  'SIP\\5555-0000b704',
  'PJSIP/sip100-00000001',
  '__proto__',
  'x'.repeat(300),
  '9'.repeat(5000),
];

/** Raw query fragments that are not valid percent-encoding or UTF-8. */
const RAW_FRAGMENTS: readonly string[] = ['%zz', '%', '%f', '%ff%fe', '%c3%28', '%ed%a0%80', '%e2%82', '%00', '&&&', '=&=', '==', '+++', '%26%3D', 'a[b]=1', 'a[]=1&a[]=2'];

function encodePairs(pairs: readonly Pair[]): string {
  return pairs.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');
}

function garbageRequests(seed: number, valid: readonly Pair[], count: number): GarbageRequest[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const requests: GarbageRequest[] = [];
  for (let index = 0; index < count; index += 1) {
    let pairs: Pair[] = valid.map(([name, value]) => [name, value]);
    const mutations: string[] = [];
    const rounds = 1 + Math.floor(random() * 3);
    for (let round = 0; round < rounds; round += 1) {
      const target = Math.floor(random() * pairs.length);
      switch (Math.floor(random() * 8)) {
        case 0:
          mutations.push(`drop ${pairs[target]?.[0]}`);
          pairs.splice(target, 1);
          break;
        case 1: {
          const value = pick(HOSTILE_VALUES);
          mutations.push(`set ${pairs[target]?.[0]}=${JSON.stringify(value.slice(0, 20))}`);
          if (pairs[target]) pairs[target] = [pairs[target][0], value];
          break;
        }
        case 2: {
          const value = pick(HOSTILE_VALUES);
          mutations.push(`repeat ${pairs[target]?.[0]}`);
          if (pairs[target]) pairs.push([pairs[target][0], value]);
          break;
        }
        case 3:
          mutations.push(`rename ${pairs[target]?.[0]}`);
          if (pairs[target]) pairs[target] = [pick([pairs[target][0].toUpperCase(), `${pairs[target][0]}[]`, ` ${pairs[target][0]}`, pairs[target][0].slice(1)]), pairs[target][1]];
          break;
        case 4:
          mutations.push('add unknown parameter');
          pairs.push([pick(['srcExtenId', 'srcSipUsername', 'dstNum', 'channelName', 'checkExten', 'foo', 'a.b', '']), pick(HOSTILE_VALUES)]);
          break;
        case 5:
          mutations.push('shuffle');
          pairs = pairs.sort(() => random() - 0.5);
          break;
        case 6:
          mutations.push('append overlong value');
          if (pairs[target]) pairs[target] = [pairs[target][0], pairs[target][1] + 'Z'.repeat(1 + Math.floor(random() * 3000))];
          break;
        default:
          mutations.push('raw fragment');
          break;
      }
    }
    let query = encodePairs(pairs);
    if (mutations.includes('raw fragment')) query = `${query}&${pick(RAW_FRAGMENTS)}`;
    const carrier = random();
    if (carrier < 0.55) {
      requests.push({ method: 'GET', query, mutations });
    } else if (carrier < 0.75) {
      requests.push({ method: 'POST', query: '', body: { contentType: 'application/x-www-form-urlencoded', payload: query }, mutations: [...mutations, 'as form body'] });
    } else if (carrier < 0.85) {
      const payload = pick([JSON.stringify(Object.fromEntries(pairs)), '{"broken', '[1,2', 'null', '"x"']);
      requests.push({ method: 'POST', query: random() < 0.5 ? query : '', body: { contentType: 'application/json', payload }, mutations: [...mutations, 'with JSON body'] });
    } else if (carrier < 0.92) {
      const boundary = 'gb0undary';
      const parts = pairs.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name.replace(/["\r\n]/g, '')}"\r\n\r\n${value}\r\n`).join('');
      const payload = random() < 0.7 ? `${parts}--${boundary}--\r\n` : parts.slice(0, Math.floor(parts.length / 2));
      requests.push({ method: 'POST', query: '', body: { contentType: `multipart/form-data; boundary=${boundary}`, payload }, mutations: [...mutations, 'as multipart body'] });
    } else {
      requests.push({ method: pick(['PUT', 'DELETE', 'PATCH'] as const), query, body: { contentType: 'text/plain', payload: 'whatever' }, mutations: [...mutations, 'other method'] });
    }
  }
  return requests;
}

function send(http: ReturnType<typeof supertest>, path: string, request: GarbageRequest): Promise<supertest.Response> {
  const url = request.query === '' ? path : `${path}?${request.query}`;
  const method = request.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete' | 'patch';
  const pending = http[method](url);
  return request.body ? pending.set('Content-Type', request.body.contentType).send(request.body.payload) : pending;
}

/**
 * What every answer must be, whatever the request: HTTP 200, the configured
 * JSON type, and either a success body or an error body whose errno is one
 * this action may give and whose reason is that errno's exact text.
 */
function checkAnswer(response: supertest.Response, allowed: readonly Errno[], successShape: RegExp): string | null {
  if (response.status !== 200) return `status ${response.status}`;
  if (response.headers['content-type'] !== 'application/json; charset=utf-8') return `content-type ${String(response.headers['content-type'])}`;
  if (successShape.test(response.text)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.text);
  } catch {
    return `not JSON: ${response.text.slice(0, 100)}`;
  }
  const body = parsed as { success?: unknown; errno?: unknown; reason?: unknown };
  const keys = Object.keys(body).join(',');
  if (keys !== 'success,errno,reason' || body.success !== 'false') return `unexpected body ${response.text.slice(0, 200)}`;
  const errno = body.errno as Errno;
  if (!allowed.includes(errno)) return `errno ${String(body.errno)} not expected here`;
  if (!reasonMatches(errno, body.reason)) return `reason of ${errno} is ${String(body.reason)}`;
  return null;
}

/** The errno's exact reason; where the document has a placeholder (`Queue FrontaABC not found!`), any text in its place. */
function reasonMatches(errno: Errno, reason: unknown): boolean {
  const parts = WIRE_REASONS[errno].split(/\{\w+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return typeof reason === 'string' && new RegExp(`^${parts.join('.*')}$`, 's').test(reason);
}

/** One action's garbage run: a valid request to mutate, and the answers it may get. */
export interface GarbageCase {
  action: string;
  seed: number;
  valid: Pair[];
  allowed: Errno[];
  success: RegExp;
}

/**
 * Sends `count` mutations of the case's valid request and judges every
 * answer: the problems found (each with what was done to its request) and
 * the kinds of answer seen (`success` or an errno), to show the run reached
 * both sides.
 */
export async function sendGarbage(http: ReturnType<typeof supertest>, { seed, valid, allowed, success }: GarbageCase, count: number): Promise<{ failures: string[]; outcomes: Set<string> }> {
  const failures: string[] = [];
  const outcomes = new Set<string>();
  for (const request of garbageRequests(seed, valid, count)) {
    const response = await send(http, '/api/api.php', request);
    const problem = checkAnswer(response, allowed, success);
    if (problem) failures.push(`${problem} ← ${request.method} ${request.mutations.join(', ')}`);
    else outcomes.add(success.test(response.text) ? 'success' : (JSON.parse(response.text) as { errno: string }).errno);
  }
  return { failures, outcomes };
}
