import type { RequestParams } from '@pbx-gateway/dialect-kit';

/** PhalApi's default service when a request names none. */
export const DEFAULT_SERVICE = 'App.Site.Index';

const SHORT_SERVICE_NAME = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+){1,2}$/;

/**
 * Whether this router answers a request. The path carries no meaning for
 * PhalApi, so the rule is:
 * - paths of other dialects (`reservedPaths`, and anything below them) never;
 * - `/` always (with no service, PhalApi's default `App.Site.Index`);
 * - any other path only when the request names a service: a `service`
 *   parameter, or PhalApi's short `s` when its value looks like a service
 *   name (so an unrelated `?s=search` is not taken).
 */
export function isReservedPath(path: string, reservedPaths: readonly string[]): boolean {
  const lower = path.toLowerCase();
  return reservedPaths.some((reserved) => {
    const prefix = reserved.toLowerCase().replace(/\/+$/, '');
    return lower === prefix || lower.startsWith(`${prefix}/`);
  });
}

export function namesService(params: RequestParams): boolean {
  if (params.service !== undefined) return true;
  return params.s !== undefined && SHORT_SERVICE_NAME.test(params.s);
}

export type ServiceResolution =
  /** `key`: lower-case `app.class.action`, how services are looked up (PHP class and method names ignore case). */
  | { kind: 'named'; service: string; key: string }
  /** No class or action in the name: PhalApi's `service (…) illegal`. */
  | { kind: 'illegal'; service: string };

/**
 * The service a request asks for, as PhalApi's `Request::getService` reads
 * it: `service`, else `s`, else the default; a two-part name gets the `App`
 * namespace.
 */
export function resolveService(params: RequestParams): ServiceResolution {
  let service = params.service ?? params.s ?? DEFAULT_SERVICE;
  const parts = service.split('.');
  if (parts.length === 2) {
    service = `App.${service}`;
    parts.unshift('App');
  }
  const [namespace, api, action] = parts;
  if (!namespace || !api || !action) return { kind: 'illegal', service };
  return { kind: 'named', service, key: parts.join('.').toLowerCase() };
}
