import { BAD_ESCAPES, CONTROL, INJECTION, NOISE_NAMES, NUMERIC, TRAVERSAL, UNICODE, hostileValue, overlongValue, randomDigits } from './hostile-values';
import { cloneShape, Encoded, MULTIPART_BOUNDARY, percentEncode, serialize, type Field, type FieldValue, type RequestShape } from './request-shape';
import type { SeededRandom } from '@pbx-gateway/test-support';

/**
 * Mutations of a valid request, each the kind of damage a hostile or broken
 * client does: a parameter missing, repeated, overlong, of the wrong type,
 * hostile characters, a malformed or huge body, the wrong content type or
 * method, parameters spread over query and body. A mutated request carries
 * one to three of them.
 */

export type MutationName =
  | 'drop'
  | 'repeat'
  | 'overlong'
  | 'wrongType'
  | 'unicode'
  | 'control'
  | 'injection'
  | 'traversal'
  | 'badEscape'
  | 'alternative'
  | 'malformedBody'
  | 'wrongContentType'
  | 'wrongMethod'
  | 'hugeBody'
  | 'mixedPlaces'
  | 'noise'
  | 'pathSegment'
  | 'header';

export interface MutatedRequest {
  shape: RequestShape;
  mutations: MutationName[];
}

export interface MutationBudget {
  /** Huge bodies (megabytes) still allowed in this run. */
  hugeBodies: number;
}

const WEIGHTS: ReadonlyArray<readonly [MutationName, number]> = [
  ['drop', 10],
  ['repeat', 8],
  ['overlong', 4],
  ['wrongType', 8],
  ['unicode', 8],
  ['control', 6],
  ['injection', 7],
  ['traversal', 6],
  ['badEscape', 4],
  ['alternative', 8],
  ['malformedBody', 7],
  ['wrongContentType', 4],
  ['wrongMethod', 5],
  ['hugeBody', 1],
  ['mixedPlaces', 5],
  ['noise', 5],
  ['pathSegment', 6],
  ['header', 4],
];
const TOTAL_WEIGHT = WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'];

/**
 * Values longer than this stay out of the query: past Node's header limit
 * (16 KiB) the HTTP layer refuses the request before any dialect sees it,
 * which the raw-socket cases cover once.
 */
const MAX_QUERY_VALUE = 1000;

function chooseMutation(random: SeededRandom): MutationName {
  let roll = random.next() * TOTAL_WEIGHT;
  for (const [name, weight] of WEIGHTS) {
    roll -= weight;
    if (roll < 0) return name;
  }
  return 'drop';
}

/**
 * A field to damage. Secrets are chosen rarely: a wrong one costs the
 * gateway a slow hash, and a run that mostly fails authentication would not
 * reach the operations behind it.
 */
function chooseField(random: SeededRandom, shape: RequestShape, prefer?: (field: Field) => boolean): Field | undefined {
  if (shape.fields.length === 0) return undefined;
  const preferred = prefer ? shape.fields.filter(prefer) : [];
  if (preferred.length > 0 && random.chance(0.7)) return random.pick(preferred);
  const weighted = shape.fields.flatMap((field) => (field.role === 'secret' ? (random.chance(0.15) ? [field] : []) : [field]));
  return weighted.length > 0 ? random.pick(weighted) : random.pick(shape.fields);
}

const isLong = (value: FieldValue): boolean => (typeof value === 'string' ? value.length : (JSON.stringify(value) ?? '').length) > MAX_QUERY_VALUE;

/** Puts a value in place; an overlong one moves out of the query into a form body (switching to POST when there was none). */
function place(shape: RequestShape, field: Field, value: FieldValue): void {
  field.value = value;
  if (field.at === 'query' && isLong(value)) {
    if (shape.bodyEncoding === 'none') {
      shape.bodyEncoding = 'form';
      shape.method = 'POST';
    }
    field.at = 'body';
  }
}

function wrongType(random: SeededRandom, original: FieldValue): FieldValue {
  return random.pick<FieldValue>([
    random.pick(NUMERIC),
    true,
    false,
    null,
    [],
    {},
    [original],
    [original, original],
    { value: original },
    { '0': original, x: [1, 2] },
    [[[[[original]]]]],
    JSON.parse('{"__proto__":{"polluted":"yes"}}') as FieldValue,
    { constructor: { prototype: original } },
  ]);
}

function malformedBody(random: SeededRandom, serializedBody: () => Buffer): Buffer {
  const valid = serializedBody().toString('latin1');
  const kind = random.int(12);
  switch (kind) {
    case 0:
      return Buffer.from(valid.slice(0, random.int(Math.max(1, valid.length))), 'latin1');
    case 1:
      return Buffer.from(`${valid}${random.pick(['}', ',', '"', '\u0000', '&&&', '--', '%'])}`, 'latin1');
    case 2:
      return Buffer.from(random.pick(['{', '}', '[', '{"a":', '{"a" 1}', '{a:1}', "{'a':'b'}", '{"a":1,}', 'nul', 'tru', '"unterminated', '{"a":"\\x41"}', '{"a":"\\ud800"}']), 'utf8');
    case 3:
      return Buffer.from(random.pick(['null', 'true', '0', '"text"', '[]', '[{"a":1}]', '1e400', '-']), 'utf8');
    case 4:
      return Buffer.from(Array.from({ length: 1 + random.int(300) }, () => random.int(256)));
    case 5:
      return Buffer.from(`${'['.repeat(20_000)}${']'.repeat(20_000)}`, 'latin1');
    case 6:
      return Buffer.from(`{"a":${'{"a":'.repeat(5000)}1${'}'.repeat(5001)}`, 'latin1');
    case 7:
      return Buffer.from(random.pick(['=&=&=', '&&&&', 'a=%', 'a=%ZZ&b=%G1', '%ED%A0%80=%ED%A0%80', 'a[=1&a]=2', 'a[][][][][][][][][][][]=1', '=x', 'a=1&a[]=2&a[x]=3']), 'latin1');
    case 8:
      // A multipart body whose boundary never closes, or is not the declared one.
      return Buffer.from(random.pick([`--${MULTIPART_BOUNDARY}\r\nContent-Disposition: form-data; name="a"\r\n\r\nb`, `--other\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--other--\r\n`, `--${MULTIPART_BOUNDARY}\r\n\r\n\r\n--${MULTIPART_BOUNDARY}--`, `--${MULTIPART_BOUNDARY}\r\nContent-Disposition: form-data\r\n\r\nnameless\r\n--${MULTIPART_BOUNDARY}--\r\n`]), 'latin1');
    case 9:
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), serializedBody()]);
    case 10:
      return Buffer.from(`${valid}`.replace(/[=:]/g, ''), 'latin1');
    default:
      // Many fields: past PHP's max_input_vars and the multipart field limits.
      return Buffer.from(Array.from({ length: 1500 }, (_unused, index) => `f${index}=${index}`).join('&'), 'latin1');
  }
}

function hugeBody(random: SeededRandom): Buffer {
  const megabytes = 1 + random.int(4);
  const size = megabytes * 1024 * 1024 + random.int(1000);
  switch (random.int(3)) {
    case 0:
      return Buffer.from(`service=App.Sip_Auth.Login&filler=${'x'.repeat(size)}`, 'latin1');
    case 1:
      return Buffer.from(`{"voicepath":"${'A'.repeat(size)}"}`, 'latin1');
    default:
      return Buffer.alloc(size, 0x41);
  }
}

function encodedSegment(random: SeededRandom): string {
  const choice = random.int(8);
  if (choice === 0) return random.pick(['..', '%2e%2e', '.', '%2F', '..%2F..%2Fetc', '%00', '%', '%ZZ', '%ED%A0%80', '', ';jsessionid=x']);
  if (choice === 1) return randomDigits(random, random.pick([1, 3, 7, 12, 25]));
  if (choice === 2) return percentEncode(random.pick(['0101', '-101', '+101', '101.0', '1e2', '0x65', '１０１', '100', '1000000', '0']));
  if (choice === 3) return 'a'.repeat(random.pick([300, 5000]));
  const value = hostileValue(random);
  if (value instanceof Encoded) return value.encoded;
  return percentEncode(typeof value === 'string' ? value : JSON.stringify(value) ?? 'null');
}

function applyOne(random: SeededRandom, shape: RequestShape, name: MutationName, budget: MutationBudget, serializedBody: () => Buffer): MutationName | null {
  switch (name) {
    case 'drop': {
      const field = chooseField(random, shape);
      if (!field) return null;
      shape.fields.splice(shape.fields.indexOf(field), 1);
      return name;
    }
    case 'repeat': {
      const field = chooseField(random, shape);
      if (!field) return null;
      const copy: Field = { ...field, value: random.chance(0.5) && field.alternatives ? random.pick(field.alternatives) : hostileValue(random) };
      const index = shape.fields.indexOf(field);
      shape.fields.splice(random.chance(0.5) ? index : index + 1, 0, copy);
      return name;
    }
    case 'overlong': {
      const field = chooseField(random, shape);
      if (!field) return null;
      place(shape, field, overlongValue(random));
      return name;
    }
    case 'wrongType': {
      const field = chooseField(random, shape, (candidate) => candidate.role === 'number');
      if (!field) return null;
      field.value = wrongType(random, field.value);
      return name;
    }
    case 'unicode':
    case 'control':
    case 'injection':
    case 'badEscape': {
      const pool = { unicode: UNICODE, control: CONTROL, injection: INJECTION, badEscape: BAD_ESCAPES }[name];
      const field = chooseField(random, shape);
      if (!field) return null;
      const value = random.pick(pool);
      // Appended to the valid value or replacing it.
      if (random.chance(0.5) && typeof field.value === 'string' && typeof value === 'string') field.value = `${field.value}${value}`;
      else if (random.chance(0.5) && typeof field.value === 'string' && value instanceof Encoded) field.value = new Encoded(`${percentEncode(field.value)}${value.encoded}`, `${field.value}${value.text}`);
      else field.value = value;
      return name;
    }
    case 'traversal': {
      const field = chooseField(random, shape, (candidate) => candidate.role === 'file');
      if (!field) return null;
      field.value = random.pick(TRAVERSAL);
      return name;
    }
    case 'alternative': {
      const field = chooseField(random, shape, (candidate) => candidate.alternatives !== undefined);
      if (!field?.alternatives) return null;
      field.value = random.pick(field.alternatives);
      return name;
    }
    case 'malformedBody': {
      const body = malformedBody(random, serializedBody);
      if (shape.bodyEncoding === 'none') {
        if (shape.method === 'GET' || shape.method === 'HEAD') shape.method = random.pick(['POST', 'PUT']);
        shape.contentType = random.pick(['application/json', 'application/x-www-form-urlencoded', `multipart/form-data; boundary=${MULTIPART_BOUNDARY}`, 'text/plain']);
      }
      shape.rawBody = body;
      return name;
    }
    case 'wrongContentType': {
      shape.contentType = random.pick<string | null>([
        null,
        '',
        'text/plain',
        'text/xml',
        'application/xml',
        'application/json',
        'application/x-www-form-urlencoded; charset=ISO-8859-1',
        'multipart/form-data',
        'multipart/form-data; boundary=',
        'multipart/form-data; boundary=wrong',
        'application/octet-stream',
        'application/json; charset=utf-16',
        'image/png',
        ';;;',
        'a'.repeat(2000),
      ]);
      if (shape.bodyEncoding === 'none' && shape.rawBody === undefined) {
        shape.bodyEncoding = random.pick(['form', 'json', 'multipart'] as const);
        for (const field of shape.fields) if (random.chance(0.5)) field.at = 'body';
        if (shape.method === 'GET') shape.method = 'POST';
      }
      return name;
    }
    case 'wrongMethod': {
      shape.method = random.pick(METHODS.filter((method) => method !== shape.method));
      return name;
    }
    case 'hugeBody': {
      if (budget.hugeBodies <= 0) return null;
      budget.hugeBodies -= 1;
      shape.rawBody = hugeBody(random);
      if (shape.method === 'GET' || shape.method === 'HEAD') shape.method = 'POST';
      if (shape.bodyEncoding === 'none') shape.contentType = random.pick(['application/x-www-form-urlencoded', 'application/json', 'text/plain']);
      return name;
    }
    case 'mixedPlaces': {
      if (shape.fields.length === 0) return null;
      if (shape.bodyEncoding === 'none') {
        shape.bodyEncoding = random.pick(['form', 'multipart', 'json'] as const);
        if (shape.method === 'GET' || shape.method === 'HEAD') shape.method = 'POST';
      }
      for (const field of shape.fields) {
        if (random.chance(0.4) && !(field.at === 'body' && isLong(field.value))) field.at = field.at === 'query' ? 'body' : 'query';
      }
      // The same name in both places, with different values.
      const field = chooseField(random, shape);
      if (field && !isLong(field.value)) shape.fields.push({ ...field, at: field.at === 'query' ? 'body' : 'query', value: field.alternatives ? random.pick(field.alternatives) : hostileValue(random) });
      return name;
    }
    case 'noise': {
      const count = 1 + random.int(3);
      for (let index = 0; index < count; index += 1) {
        shape.fields.push({ name: random.pick(NOISE_NAMES), value: hostileValue(random), at: random.chance(0.5) || shape.bodyEncoding === 'none' ? 'query' : 'body', role: 'plain' });
      }
      return name;
    }
    case 'pathSegment': {
      if (shape.pathParams.length === 0) return null;
      const below = shape.path.length - shape.pathFrom;
      const index = random.chance(0.85) || below <= 0 ? random.pick(shape.pathParams) : shape.pathFrom + random.int(below);
      shape.path[index] = encodedSegment(random);
      if (random.chance(0.1)) shape.path.push(random.pick(['', 'x', '..', '%2e']));
      return name;
    }
    case 'header': {
      const choice = random.int(6);
      if (choice === 0) delete shape.headers.Guid;
      else if (choice === 1) shape.headers.Guid = random.pick(['', 'JSESSIONID=', 'null', '00000000-0000-0000-0000-000000000000.AgentGateway0', 'x'.repeat(4000), "' OR 1=1 --", '..%2F..%2F']);
      else if (choice === 2 && shape.headers.Guid) shape.headers.Guid = `JSESSIONID=${shape.headers.Guid}`;
      else if (choice === 3) shape.headers.Cookie = random.pick(['JSESSIONID=', 'JSESSIONID=x; JSESSIONID=y', 'a'.repeat(3000), '=;=;=']);
      else if (choice === 4) shape.headers['X-Forwarded-For'] = random.pick(['1.2.3.4, evil', "' OR 1=1", '::ffff:999.1.1.1', 'x'.repeat(2000)]);
      else shape.headers['Accept-Charset'] = random.pick(['utf-16', '*;q=0', 'x'.repeat(500)]);
      return name;
    }
  }
}

/** One mutated request from an operation's valid one. */
export function mutateRequest(random: SeededRandom, valid: RequestShape, budget: MutationBudget): MutatedRequest {
  const shape = cloneShape(valid);
  const wanted = 1 + random.int(3);
  const applied: MutationName[] = [];
  for (let attempt = 0; attempt < wanted * 4 && applied.length < wanted; attempt += 1) {
    const done = applyOne(random, shape, chooseMutation(random), budget, () => serialize(shape).body ?? Buffer.alloc(0));
    if (done) applied.push(done);
  }
  return { shape, mutations: applied };
}
