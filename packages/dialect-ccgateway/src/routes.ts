import type { HttpMethod, Operation } from './operation';
import { backFastPlayOperation } from './operations/back-fast-play';
import { beginPlayOperation } from './operations/begin-play';
import { forceLoginOperation } from './operations/force-login';
import { forceLogoutOperation } from './operations/force-logout';
import { foreFastPlayOperation } from './operations/fore-fast-play';
import { getAgentEventOperation } from './operations/get-agent-event';
import { loginOperation } from './operations/login';
import { logoutOperation } from './operations/logout';
import { pausePlayOperation } from './operations/pause-play';
import { resumePlayOperation } from './operations/resume-play';
import { stopPlayOperation } from './operations/stop-play';
import { sayBusyOperation } from './operations/say-busy';
import { cancelBusyOperation } from './operations/cancel-busy';
import { sayFreeOperation } from './operations/say-free';
import { getAgentStatusOperation } from './operations/get-agent-status';

/** A path segment: a literal, a `{name}` parameter, a literal prefix (`recordfile*`), or `**` (any rest). */
type Segment = { kind: 'literal'; text: string } | { kind: 'param'; name: string } | { kind: 'prefix'; text: string } | { kind: 'rest' };

export type Route =
  | { kind: 'operation'; method: HttpMethod; segments: Segment[]; operation: Operation }
  /** Known interfaces of the real product this gateway does not implement; `method` null: any. */
  | { kind: 'not_supported'; method: HttpMethod | null; segments: Segment[]; path: string };

function parsePattern(pattern: string): Segment[] {
  return pattern
    .split('/')
    .filter((part) => part.length > 0)
    .map((part): Segment => {
      if (part === '**') return { kind: 'rest' };
      if (part.startsWith('{') && part.endsWith('}')) return { kind: 'param', name: part.slice(1, -1) };
      if (part.endsWith('*')) return { kind: 'prefix', text: part.slice(0, -1) };
      return { kind: 'literal', text: part };
    });
}

export const OPERATIONS: readonly Operation[] = [
  loginOperation,
  forceLoginOperation,
  logoutOperation,
  forceLogoutOperation,
  getAgentEventOperation,
  beginPlayOperation,
  stopPlayOperation,
  pausePlayOperation,
  resumePlayOperation,
  foreFastPlayOperation,
  backFastPlayOperation,
  sayBusyOperation,
  cancelBusyOperation,
  sayFreeOperation,
  getAgentStatusOperation,
];

/** Interfaces of the catalogue (spec §4) answered "not supported", with their documented method where known. */
export const NOT_SUPPORTED: ReadonlyArray<readonly [HttpMethod | null, string]> = [
  [null, '/agentevent/allagentevent/**'],
  ['DELETE', '/onlineagent/{agentid}/forcelogoutwithreason/{reason}'],
  ['POST', '/onlineagent/{agentid}/resetskill/{autoflag}'],
  ['POST', '/onlineagent/{agentid}/rest/{time}/{restcause}'],
  ['POST', '/onlineagent/{agentid}/cancelrest'],
  ['POST', '/onlineagent/{agentid}/work'],
  ['POST', '/onlineagent/{agentid}/cancelwork'],
  ['POST', '/onlineagent/{agentid}/autoanswer/{isautoanswer}'],
  ['POST', '/onlineagent/{agentid}/autoenteridle/{flag}'],
  [null, '/onlineagent/{agentid}/loginex/**'],
  [null, '/onlineagent/{agentid}/forceloginex/**'],
  [null, '/onlineagent/{agentid}/forceloginexwithoutphone/**'],
  [null, '/onlineagent/{agentid}/setselfrecord/**'],
  [null, '/onlineagent/{agentid}/notifybulletin/**'],
  [null, '/onlineagent/{agentid}/setforwarding/**'],
  ['PUT', '/voicecall/{agentid}/callout'],
  ['PUT', '/voicecall/{agentid}/answer'],
  ['DELETE', '/voicecall/{agentid}/release'],
  ['DELETE', '/voicecall/{agentid}'],
  ['POST', '/voicecall/{agentid}/hold'],
  ['POST', '/voicecall/{agentid}/gethold'],
  ['POST', '/voicecall/{agentid}/dropcall/{callid}'],
  ...['transfer', 'callinner', 'innerhelp', 'confjoin', 'seconddial', 'beginmute', 'endmute', 'connecthold', 'disconnect', 'phonepickup', 'phonehangup'].map(
    (name) => [null, `/voicecall/{agentid}/${name}/**`] as const,
  ),
  ...['record', 'stoprecord', 'pauserecord', 'resumerecord', 'netplay', 'recordfile*'].map((name) => [null, `/recordplay/{agentid}/${name}/**`] as const),
  ...['calldata', 'agentgroup', 'queuedevice', 'qualitycontrol', 'querymonitor', 'textchat'].map((name) => [null, `/${name}/**`] as const),
];

/** Literal routes that would otherwise be taken for an agent id come first. */
export function buildRoutes(): Route[] {
  const notSupported = NOT_SUPPORTED.map(([method, path]): Route => ({ kind: 'not_supported', method, segments: parsePattern(path), path }));
  const operations = OPERATIONS.map((operation): Route => ({ kind: 'operation', method: operation.method, segments: parsePattern(operation.path), operation }));
  return [...notSupported.slice(0, 1), ...operations, ...notSupported.slice(1)];
}

/** Path parameters when `segments` (decoded) fit `route`, else null. */
export function matchRoute(route: Route, segments: readonly string[]): Record<string, string> | null {
  const params: Record<string, string> = {};
  const pattern = route.segments;
  for (let index = 0; index < pattern.length; index += 1) {
    const part = pattern[index]!;
    if (part.kind === 'rest') return params;
    const segment = segments[index];
    if (segment === undefined) return null;
    if (part.kind === 'literal' && segment !== part.text) return null;
    if (part.kind === 'prefix' && !segment.startsWith(part.text)) return null;
    if (part.kind === 'param') params[part.name] = segment;
  }
  return segments.length === pattern.length ? params : null;
}

export type Resolution =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'wrong_method'; allow: string }
  | { kind: 'unknown' };

export function resolveRoute(routes: readonly Route[], method: string, segments: readonly string[]): Resolution {
  const allowed = new Set<string>();
  for (const route of routes) {
    const params = matchRoute(route, segments);
    if (!params) continue;
    if (route.method === null || route.method === method) return { kind: 'found', route, params };
    allowed.add(route.method);
  }
  return allowed.size > 0 ? { kind: 'wrong_method', allow: [...allowed].join(', ') } : { kind: 'unknown' };
}
