import { bodyParam, fail, ok, pathParam, queryParam, type AriResult, type ErrorResponse, type RouteSpec } from '../ari/route-spec';
import { isJsonObject, type JsonObject } from '../util/json';
import type { StasisApp } from '../engine/applications';
import type { World } from '../engine/world';

type SourceKind = 'channel' | 'bridge' | 'endpoint' | 'deviceState';

function parseSource(source: string): { kind: SourceKind; id: string } | undefined {
  const colon = source.indexOf(':');
  if (colon < 0) return undefined;
  const scheme = source.slice(0, colon);
  const id = source.slice(colon + 1);
  return scheme === 'channel' || scheme === 'bridge' || scheme === 'endpoint' || scheme === 'deviceState' ? { kind: scheme, id } : undefined;
}

function sourceExists(world: World, kind: SourceKind, id: string): boolean {
  switch (kind) {
    case 'channel':
      return world.channels.has(id);
    case 'bridge':
      return world.bridges.has(id);
    case 'endpoint': {
      const [tech, resource] = id.split('/');
      if (tech?.toUpperCase() !== 'PJSIP') return false;
      return resource === undefined || resource === '' || world.network.hasEndpoint(resource);
    }
    case 'deviceState':
      return id !== '';
  }
}

function countsFor(app: StasisApp, kind: SourceKind) {
  return kind === 'channel' ? app.channels : kind === 'bridge' ? app.bridges : kind === 'endpoint' ? app.endpoints : app.devices;
}

/** stasis_app_subscribe / unsubscribe over a list of event sources; all or nothing. */
function changeSubscription(world: World, appName: string, sources: string[], subscribe: boolean): AriResult {
  const wanted = sources.filter((s) => s !== '');
  if (wanted.length === 0) return fail(400, 'Missing parameter eventSource');
  const app = world.apps.get(appName);
  if (!app) return fail(404, `Application not found: ${appName}`);
  const parsed: { kind: SourceKind; id: string }[] = [];
  for (const source of wanted) {
    const p = parseSource(source);
    if (!p) return fail(400, 'Invalid event source URI scheme');
    const id = p.kind === 'endpoint' ? normaliseEndpoint(p.id) : p.id;
    if (subscribe && !sourceExists(world, p.kind, id)) return fail(422, 'Event source does not exist');
    if (!subscribe && !countsFor(app, p.kind).has(id)) return fail(422, 'Event source was not subscribed to');
    parsed.push({ kind: p.kind, id });
  }
  for (const { kind, id } of parsed) {
    if (subscribe) countsFor(app, kind).add(id);
    else countsFor(app, kind).remove(id);
  }
  return ok(app.toJson());
}

function normaliseEndpoint(id: string): string {
  const [tech, resource] = id.split('/');
  const upper = (tech ?? '').toUpperCase() === 'PJSIP' ? 'PJSIP' : tech ?? '';
  return resource === undefined || resource === '' ? upper : `${upper}/${resource}`;
}

/** PUT eventFilter: `{"allowed": [{"type": ...}], "disallowed": [...]}`; a missing list clears it. */
function setFilter(app: StasisApp, body: unknown): AriResult {
  const filter = isJsonObject(body) ? body : {};
  const pick = (key: string): JsonObject[] | undefined => {
    const list = filter[key];
    if (list === undefined) return [];
    if (!Array.isArray(list) || !list.every(isJsonObject)) return undefined;
    return list as JsonObject[];
  };
  const allowed = pick('allowed');
  const disallowed = pick('disallowed');
  if (!allowed || !disallowed) return fail(400, 'Invalid format definition');
  app.eventsAllowed = allowed;
  app.eventsDisallowed = disallowed;
  return ok(app.toJson());
}

const nameParam = pathParam('applicationName', 'string', "Application's name.");
const sourceParam = queryParam('eventSource', 'string', 'URI of the event source: channel:<id>, bridge:<id>, endpoint:<tech>[/<resource>], deviceState:<name>.', {
  required: true,
  allowMultiple: true,
});

/** subscribe (POST) and unsubscribe (DELETE): one path, one handler, opposite directions. */
function subscriptionRoute(subscribe: boolean, nickname: string, summary: string, errorResponses: readonly ErrorResponse[]): RouteSpec {
  return {
    resource: 'applications',
    path: '/applications/{applicationName}/subscription',
    method: subscribe ? 'POST' : 'DELETE',
    nickname,
    summary,
    responseClass: 'Application',
    params: [nameParam, sourceParam],
    errorResponses,
    handler: ({ world, path, args }) => changeSubscription(world, path.applicationName ?? '', args.list('eventSource'), subscribe),
  };
}

export const applicationRoutes: RouteSpec[] = [
  {
    resource: 'applications',
    path: '/applications',
    method: 'GET',
    nickname: 'list',
    summary: 'Lists the Stasis applications.',
    responseClass: 'List[Application]',
    params: [],
    // Asterisk lists its applications sorted by name.
    handler: ({ world }) => ok([...world.apps.list()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((a) => a.toJson())),
  },
  {
    resource: 'applications',
    path: '/applications/{applicationName}',
    method: 'GET',
    nickname: 'get',
    summary: 'Details of one application.',
    responseClass: 'Application',
    params: [nameParam],
    errorResponses: [{ code: 404, reason: 'No such application' }],
    handler: ({ world, path }) => {
      const app = world.apps.get(path.applicationName ?? '');
      return app ? ok(app.toJson()) : fail(404, 'Application not found');
    },
  },
  subscriptionRoute(true, 'subscribe', 'Subscribes an application to event sources.', [
    { code: 400, reason: 'No event source given' },
    { code: 404, reason: 'No such application' },
    { code: 422, reason: 'No such event source' },
  ]),
  subscriptionRoute(false, 'unsubscribe', 'Unsubscribes an application from event sources.', [
    { code: 400, reason: 'No event source, or an unknown scheme' },
    { code: 404, reason: 'No such application' },
    { code: 409, reason: 'Not subscribed to that event source' },
    { code: 422, reason: 'No such event source' },
  ]),
  {
    resource: 'applications',
    path: '/applications/{applicationName}/eventFilter',
    method: 'PUT',
    nickname: 'filter',
    summary: 'Sets which event types the application receives.',
    responseClass: 'Application',
    params: [nameParam, bodyParam('filter', 'object', 'Lists of allowed and disallowed event filters, such as {"type": "StasisStart"}.')],
    errorResponses: [
      { code: 400, reason: 'Bad filter' },
      { code: 404, reason: 'No such application' },
    ],
    handler: ({ world, path, args }) => {
      const app = world.apps.get(path.applicationName ?? '');
      if (!app) return fail(404, `Application not found: ${path.applicationName ?? ''}`);
      return setFilter(app, args.body());
    },
  },
];
