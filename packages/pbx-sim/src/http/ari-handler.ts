import type { IncomingHttpHeaders } from 'node:http';
import { Args } from '../ari/args';
import type { HttpMethod } from '../ari/route-spec';
import { apiDeclaration } from '../api-docs/api-declaration';
import { resourceListing } from '../api-docs/resource-listing';
import type { World } from '../engine/world';
import { RESOURCES, ROUTES } from '../routes';
import type { Json } from '../util/json';
import { AriRouter } from './ari-router';
import { htmlErrorReply, jsonReply, messageReply, type HttpReply } from './responses';

export interface AriHttpRequest {
  method: string;
  /** Path after `/ari`, e.g. `/channels/123`. */
  ariPath: string;
  query: [string, string][];
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export type AriOutcome =
  | { kind: 'reply'; reply: HttpReply; parsedBody?: Json }
  | { kind: 'websocket'; apps: string[]; subscribeAll: boolean };

const REALM = 'Asterisk REST Interface';
const router = new AriRouter(ROUTES);

function contentType(headers: IncomingHttpHeaders): string {
  return (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Basic authentication wins over `api_key`; either must name a configured user. */
function authenticated(users: Record<string, string>, headers: IncomingHttpHeaders, query: [string, string][]): boolean {
  const authorization = headers.authorization;
  if (authorization !== undefined) {
    const match = /^\s*Basic\s+(\S+)/i.exec(authorization);
    if (!match) return false;
    const decoded = Buffer.from(match[1] ?? '', 'base64').toString('utf8');
    return check(users, decoded);
  }
  const apiKey = query.find(([key]) => key.toLowerCase() === 'api_key');
  return apiKey !== undefined && check(users, apiKey[1]);
}

function check(users: Record<string, string>, credentials: string): boolean {
  const colon = credentials.indexOf(':');
  if (colon < 0) return false;
  const user = credentials.slice(0, colon);
  return Object.prototype.hasOwnProperty.call(users, user) && users[user] === credentials.slice(colon + 1);
}

/**
 * One ARI request, in the order Asterisk's ast_ari_callback takes it: the
 * body is read (form fields become parameters, invalid JSON is refused),
 * the user authenticated, then trailing slashes, API docs, and finally the
 * handler tree with its 404 and 405 answers.
 */
export async function handleAriRequest(world: World, users: Record<string, string>, request: AriHttpRequest, isUpgrade: boolean): Promise<AriOutcome> {
  const params: [string, string][] = [...request.query];
  const type = contentType(request.headers);
  let body: Json | undefined;
  if (request.method === 'POST' && type === 'application/x-www-form-urlencoded') {
    params.push(...new URLSearchParams(request.body.toString('utf8')));
  } else if (type === 'application/json' && request.body.length > 0) {
    try {
      body = JSON.parse(request.body.toString('utf8')) as Json;
    } catch {
      return { kind: 'reply', reply: messageReply(400, 'Error parsing request body') };
    }
  }
  const reply = (r: HttpReply): AriOutcome => ({ kind: 'reply', reply: r, parsedBody: body });
  if (!authenticated(users, request.headers, params)) {
    return reply(messageReply(401, 'Authentication required', { 'WWW-Authenticate': `Basic realm="${REALM}"` }));
  }
  const uri = request.ariPath.replace(/^\//, '');
  if (uri.endsWith('/')) return reply(messageReply(404, `ARI URLs do not end with a slash. Try /ari/${uri.slice(0, -1)}`));
  if (uri.startsWith('api-docs/')) {
    if (request.method !== 'GET') return reply(messageReply(405, 'Unsupported method'));
    return reply(apiDocs(uri.slice('api-docs/'.length), request.headers.host));
  }
  const match = router.match(uri);
  if (!match) return reply(messageReply(404, 'Resource not found'));
  if (request.method === 'OPTIONS') return reply({ status: 204, headers: { Allow: match.allow } });
  const route = match.methods.get(request.method as HttpMethod);
  if (!route) return reply(messageReply(405, 'Invalid method', { Allow: match.allow }));
  if (route.upgrade === 'websocket') {
    if (!isUpgrade) return reply(htmlErrorReply(426, 'Upgrade Required'));
    const args = new Args(route.params, params, undefined);
    const apps = args.list('app').filter((a) => a !== '');
    if (apps.length === 0) return reply(htmlErrorReply(400, 'HTTP request is missing param: [app]'));
    if (apps.length !== args.list('app').length) return reply(htmlErrorReply(400, "Invalid application provided in param 'app'."));
    return { kind: 'websocket', apps, subscribeAll: args.bool('subscribeAll') };
  }
  if (!route.handler) return reply(messageReply(501, 'Method not implemented'));
  const args = new Args(route.params, params, body);
  const overfull = args.tooManyValues();
  if (overfull) return reply(messageReply(400, `Too many values for ${overfull}`));
  const result = await route.handler({ world, args, path: match.path });
  if ('binary' in result) return reply({ status: result.status, headers: { 'Content-type': result.contentType }, body: result.binary });
  return reply(jsonReply(result.status, result.body, result.headers));
}

function apiDocs(file: string, host: string | undefined): HttpReply {
  const basePath = host !== undefined && host !== '' ? `http://${host}/ari` : undefined;
  if (file === 'resources.json') return jsonReply(200, resourceListing(RESOURCES, basePath));
  const name = file.endsWith('.json') ? file.slice(0, -'.json'.length) : undefined;
  if (name !== undefined && RESOURCES.some((r) => r.name === name)) return jsonReply(200, apiDeclaration(name, ROUTES, basePath));
  return messageReply(404, 'Resource not found');
}
