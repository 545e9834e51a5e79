import type { Json } from '../util/json';
import type { World } from '../engine/world';
import type { Args } from './args';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type ParamType = 'path' | 'query' | 'body';
export type DataType = 'string' | 'int' | 'long' | 'boolean' | 'containers' | 'object';

/** One operation parameter, declared the way the served Swagger 1.2 description shows it. */
export interface ParamSpec {
  name: string;
  paramType: ParamType;
  dataType: DataType;
  description: string;
  required: boolean;
  allowMultiple: boolean;
  defaultValue?: string | number | boolean;
  allowableValues?: readonly string[];
}

export type AriResult =
  | { status: number; body?: Json; headers?: Record<string, string> }
  | { status: number; binary: Buffer; contentType: string };

export interface RouteContext {
  world: World;
  args: Args;
  /** Path variables, decoded. */
  path: Record<string, string>;
}

export interface ErrorResponse {
  code: number;
  reason: string;
}

/** One ARI operation: what the description shows and what the simulator does. */
export interface RouteSpec {
  resource: string;
  path: string;
  method: HttpMethod;
  nickname: string;
  summary: string;
  responseClass: string;
  params: readonly ParamSpec[];
  errorResponses?: readonly ErrorResponse[];
  /** The events WebSocket: served through the HTTP upgrade, not a handler. */
  upgrade?: 'websocket';
  handler?: (context: RouteContext) => AriResult | Promise<AriResult>;
}

const param =
  (paramType: ParamType) =>
  (name: string, dataType: DataType, description: string, extra: Partial<Omit<ParamSpec, 'name' | 'dataType' | 'paramType' | 'description'>> = {}): ParamSpec => ({
    name,
    paramType,
    dataType,
    description,
    required: extra.required ?? paramType === 'path',
    allowMultiple: extra.allowMultiple ?? false,
    ...(extra.defaultValue !== undefined ? { defaultValue: extra.defaultValue } : {}),
    ...(extra.allowableValues ? { allowableValues: extra.allowableValues } : {}),
  });

export const pathParam = param('path');
export const queryParam = param('query');
export const bodyParam = param('body');

export function ok(body: Json): AriResult {
  return { status: 200, body };
}

export function created(location: string, body: Json): AriResult {
  return { status: 201, body, headers: { Location: location } };
}

export function noContent(): AriResult {
  return { status: 204 };
}

export function fail(status: number, message: string): AriResult {
  return { status, body: { message } };
}

/** ast_ari_response_alloc_failed: the one ARI error whose key is `error`. */
export function allocationFailed(): AriResult {
  return { status: 500, body: { error: 'Allocation failed' } };
}
