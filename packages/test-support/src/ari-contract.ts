import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { ariApiDocsDir } from './reference-data';

/**
 * Asterisk 22's own description of ARI (the Swagger 1.2 files under
 * shared/ari/api-docs), loaded at run time, and checks of requests and events
 * against it. Integration tests run every request a client sent to the
 * simulator through checkRequest to prove Asterisk would accept it.
 */

export interface SwaggerParameter {
  name: string;
  paramType: 'path' | 'query' | 'body' | 'header' | 'form';
  dataType: string;
  required?: boolean;
  allowMultiple?: boolean;
  allowableValues?: { valueType?: string; values?: string[] };
}

export interface SwaggerOperation {
  httpMethod: string;
  nickname: string;
  responseClass?: string;
  parameters?: SwaggerParameter[];
  upgrade?: string;
}

export interface AriOperation {
  resource: string;
  path: string;
  method: string;
  nickname: string;
  responseClass?: string;
  parameters: SwaggerParameter[];
}

export interface SwaggerProperty {
  type: string;
  required?: boolean;
  allowableValues?: { valueType?: string; values?: string[] };
}

export interface SwaggerModel {
  id: string;
  properties: Record<string, SwaggerProperty>;
  subTypes?: string[];
}

export type QueryValue = string | number | boolean | (string | number | boolean)[];

export interface AriRequestToCheck {
  method: string;
  /** With or without the `/ari` prefix; a query string here is checked too. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
}

export interface AriContract {
  readonly operations: readonly AriOperation[];
  readonly models: Readonly<Record<string, SwaggerModel>>;
  findOperation(method: string, path: string): AriOperation | undefined;
  /** Problems Asterisk 22 would have with this request; empty when it is valid. */
  checkRequest(request: AriRequestToCheck): string[];
  /** Problems with an event received on /ari/events, against Asterisk 22's event models. */
  checkEvent(event: unknown): string[];
}

interface ApiDeclaration {
  resourcePath: string;
  apis: { path: string; operations: SwaggerOperation[] }[];
  models?: Record<string, SwaggerModel>;
}

const AST_TRUE = ['yes', 'true', 'y', 't', '1', 'on'];
const AST_FALSE = ['no', 'false', 'n', 'f', '0', 'off'];

function templateRegex(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) => (segment.startsWith('{') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`);
}

function literalSegments(path: string): number {
  return path.split('/').filter((s) => s !== '' && !s.startsWith('{')).length;
}

function queryFromPath(path: string): { path: string; query: Record<string, QueryValue> } {
  const q = path.indexOf('?');
  if (q < 0) return { path, query: {} };
  const query: Record<string, QueryValue> = {};
  for (const [key, value] of new URLSearchParams(path.slice(q + 1))) {
    const existing = query[key];
    if (existing === undefined) query[key] = value;
    else query[key] = [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return { path: path.slice(0, q), query };
}

function checkScalar(param: SwaggerParameter, value: string, where: string): string[] {
  const problems: string[] = [];
  switch (param.dataType) {
    case 'int':
    case 'long':
      if (!/^-?\d+$/.test(value)) problems.push(`${where}: '${value}' is not an integer`);
      break;
    case 'double':
    case 'float':
      if (!Number.isFinite(Number(value)) || value.trim() === '') problems.push(`${where}: '${value}' is not a number`);
      break;
    case 'boolean':
      if (![...AST_TRUE, ...AST_FALSE].includes(value.toLowerCase())) problems.push(`${where}: '${value}' is not a boolean`);
      break;
    default:
      break;
  }
  const allowed = param.allowableValues?.values;
  if (allowed && !allowed.includes(value)) problems.push(`${where}: '${value}' is not one of ${allowed.join(', ')}`);
  return problems;
}

function checkQueryParam(param: SwaggerParameter, raw: QueryValue, where: string): string[] {
  const occurrences = Array.isArray(raw) ? raw : [raw];
  const problems: string[] = [];
  if (occurrences.length > 1) problems.push(`${where}: given ${occurrences.length} times; Asterisk keeps only the last`);
  for (const occurrence of occurrences) {
    const text = String(occurrence);
    const values = param.allowMultiple ? text.split(',') : [text];
    for (const value of values) problems.push(...checkScalar(param, value, where));
  }
  return problems;
}

function checkBodyField(param: SwaggerParameter, value: unknown, where: string): string[] {
  const scalar = (v: unknown): string[] => {
    switch (param.dataType) {
      case 'int':
      case 'long':
        return typeof v === 'number' && Number.isInteger(v) ? checkScalar(param, String(v), where) : [`${where}: ${JSON.stringify(v)} is not an integer`];
      case 'boolean':
        return typeof v === 'boolean' ? [] : [`${where}: ${JSON.stringify(v)} is not a boolean`];
      case 'double':
      case 'float':
        return typeof v === 'number' ? [] : [`${where}: ${JSON.stringify(v)} is not a number`];
      default:
        return typeof v === 'string' ? checkScalar(param, v, where) : [`${where}: ${JSON.stringify(v)} is not a string`];
    }
  };
  if (param.allowMultiple && Array.isArray(value)) return value.flatMap(scalar);
  return scalar(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON Schema of a Swagger 1.2 type, with models as $refs; every object is closed (no undeclared fields). */
function typeSchema(type: string, allowable?: { values?: string[] }): Record<string, unknown> {
  const list = /^List\[(.+)\]$/.exec(type);
  if (list) return { type: 'array', items: typeSchema(list[1] ?? '') };
  switch (type) {
    case 'string':
      return allowable?.values ? { type: 'string', enum: allowable.values } : { type: 'string' };
    case 'int':
    case 'long':
      return { type: 'integer' };
    case 'double':
    case 'float':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'Date':
      return { type: 'string' };
    case 'object':
    case 'containers':
      return { type: 'object' };
    default:
      return { $ref: `#/definitions/${type}` };
  }
}

function modelSchema(model: SwaggerModel, extra: SwaggerModel[] = []): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const source of [...extra, model]) {
    for (const [name, property] of Object.entries(source.properties)) {
      properties[name] = typeSchema(property.type, property.allowableValues);
      if (property.required === true) required.push(name);
    }
  }
  return { type: 'object', properties, required, additionalProperties: false };
}

export function loadAriContract(dir: string = ariApiDocsDir()): AriContract {
  const operations: AriOperation[] = [];
  const models: Record<string, SwaggerModel> = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'resources.json').sort()) {
    const declaration = JSON.parse(readFileSync(join(dir, file), 'utf8')) as ApiDeclaration;
    const resource = file.replace(/\.json$/, '');
    for (const api of declaration.apis) {
      for (const operation of api.operations) {
        operations.push({
          resource,
          path: api.path,
          method: operation.httpMethod.toUpperCase(),
          nickname: operation.nickname,
          responseClass: operation.responseClass,
          parameters: operation.parameters ?? [],
        });
      }
    }
    for (const [name, model] of Object.entries(declaration.models ?? {})) models[name] = model;
  }

  const definitions: Record<string, unknown> = {};
  for (const [name, model] of Object.entries(models)) definitions[name] = modelSchema(model);
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validators = new Map<string, ValidateFunction>();
  const eventTypes = new Set(models.Event?.subTypes ?? []);
  const base = [models.Message, models.Event].filter((m): m is SwaggerModel => m !== undefined);

  const matchPath = (path: string): AriOperation[] => {
    const candidates = operations.filter((o) => templateRegex(o.path).test(path));
    const best = Math.max(-1, ...candidates.map((o) => literalSegments(o.path)));
    return candidates.filter((o) => literalSegments(o.path) === best);
  };

  const normalise = (path: string): string => (path.startsWith('/ari/') ? path.slice(4) : path === '/ari' ? '/' : path);

  const contract: AriContract = {
    operations,
    models,
    findOperation(method, path) {
      return matchPath(normalise(path)).find((o) => o.method === method.toUpperCase());
    },
    checkRequest(request) {
      const split = queryFromPath(request.path);
      const path = normalise(split.path);
      const query: Record<string, QueryValue> = { ...split.query, ...(request.query ?? {}) };
      const onPath = matchPath(path);
      if (onPath.length === 0) return [`${request.method} ${path}: no such ARI resource`];
      const operation = onPath.find((o) => o.method === request.method.toUpperCase());
      if (!operation) return [`${request.method} ${path}: method not allowed (Asterisk has ${onPath.map((o) => o.method).join(', ')})`];
      const problems: string[] = [];
      const where = (name: string): string => `${operation.method} ${operation.path} ${name}`;
      const byName = new Map(operation.parameters.map((p) => [p.name, p]));
      for (const [name, value] of Object.entries(query)) {
        if (name.toLowerCase() === 'api_key') continue;
        const param = byName.get(name);
        if (!param || param.paramType !== 'query') {
          problems.push(`${where(name)}: unknown query parameter`);
          continue;
        }
        problems.push(...checkQueryParam(param, value, where(name)));
      }
      const bodyParam = operation.parameters.find((p) => p.paramType === 'body');
      const body = request.body;
      if (body !== undefined && body !== null) {
        if (!isPlainObject(body)) {
          problems.push(`${where('body')}: the body must be a JSON object`);
        } else if (bodyParam?.dataType !== 'object') {
          for (const [field, value] of Object.entries(body)) {
            if (bodyParam && field === bodyParam.name) {
              if (!isPlainObject(value) && !(bodyParam.name === 'fields' && Array.isArray(value))) {
                problems.push(`${where(field)}: must be a JSON object`);
              } else if (bodyParam.name === 'variables') {
                for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
                  if (typeof v !== 'string') problems.push(`${where(field)}.${key}: only string values are allowed`);
                }
              }
              continue;
            }
            const param = byName.get(field);
            if (!param || param.paramType !== 'query') problems.push(`${where(field)}: unknown body field`);
            else problems.push(...checkBodyField(param, value, where(field)));
          }
        }
      }
      for (const param of operation.parameters) {
        if (param.required !== true || param.paramType === 'path') continue;
        const inBody = isPlainObject(body) && (param.paramType === 'body' ? (bodyParam?.dataType === 'object' ? true : param.name in body) : param.name in body);
        if (param.paramType === 'query' && (param.name in query || inBody)) continue;
        if (param.paramType === 'body' && inBody) continue;
        problems.push(`${where(param.name)}: required parameter missing`);
      }
      return problems;
    },
    checkEvent(event) {
      if (!isPlainObject(event) || typeof event.type !== 'string') return ['an event must be a JSON object with a string type'];
      const type = event.type;
      const model = models[type];
      if (!model || !eventTypes.has(type)) return [`${type}: not an event type of Asterisk 22`];
      let validate = validators.get(type);
      if (!validate) {
        validate = ajv.compile({ ...modelSchema(model, base), definitions });
        validators.set(type, validate);
      }
      if (validate(event)) return [];
      return (validate.errors ?? []).map((e) => `${type}${e.instancePath}: ${e.message ?? 'invalid'}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
    },
  };
  return contract;
}

/** A request as the simulator logged it. */
export interface LoggedAriRequest {
  method: string;
  path: string;
  query: AriRequestToCheck['query'];
  body?: unknown;
  rawBody?: string;
}

/**
 * Every problem Asterisk 22's description finds in a list of requests, one
 * line each naming the request: an empty list means Asterisk accepts them all.
 */
export function ariRequestProblems(requests: readonly LoggedAriRequest[], contract: AriContract = loadAriContract()): string[] {
  return requests.flatMap((request) => {
    const found = contract.checkRequest({ method: request.method, path: request.path, query: request.query, body: request.body });
    if (request.rawBody !== undefined) found.push(`a body that is not JSON: ${request.rawBody.slice(0, 80)}`);
    return found.map((problem) => `${request.method} ${request.path} ${JSON.stringify(request.query)}: ${problem}`);
  });
}
