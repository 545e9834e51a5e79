import { fail, ok, pathParam, type RouteSpec } from '../ari/route-spec';
import type { World } from '../engine/world';

/** Channel technologies the simulated Asterisk has loaded. */
const TECHNOLOGIES = ['PJSIP', 'Local', 'Announcer', 'Recorder', 'Snoop'];

function channelIdsOn(world: World, endpoint: string): string[] {
  return [...world.channels.values()].filter((c) => !c.destroyed && c.endpoint === endpoint).map((c) => c.id);
}

function endpoints(world: World) {
  return world.network.endpointsJson((endpoint) => channelIdsOn(world, endpoint));
}

export const endpointRoutes: RouteSpec[] = [
  {
    resource: 'endpoints',
    path: '/endpoints',
    method: 'GET',
    nickname: 'list',
    summary: 'Lists the endpoints.',
    responseClass: 'List[Endpoint]',
    params: [],
    handler: ({ world }) => ok(endpoints(world)),
  },
  {
    resource: 'endpoints',
    path: '/endpoints/{tech}',
    method: 'GET',
    nickname: 'listByTech',
    summary: 'Lists the endpoints of one technology.',
    responseClass: 'List[Endpoint]',
    params: [pathParam('tech', 'string', 'Technology, such as PJSIP.')],
    errorResponses: [{ code: 404, reason: 'No such endpoint' }],
    handler: ({ world, path }) => {
      const tech = path.tech ?? '';
      if (!TECHNOLOGIES.some((t) => t.toLowerCase() === tech.toLowerCase())) return fail(404, `No Endpoints found - invalid tech ${tech}`);
      return ok(endpoints(world).filter((e) => String(e.technology).toLowerCase() === tech.toLowerCase()));
    },
  },
  {
    resource: 'endpoints',
    path: '/endpoints/{tech}/{resource}',
    method: 'GET',
    nickname: 'get',
    summary: 'Details of one endpoint.',
    responseClass: 'Endpoint',
    params: [pathParam('tech', 'string', 'Technology, such as PJSIP.'), pathParam('resource', 'string', 'Resource name, such as 1000.')],
    errorResponses: [
      { code: 400, reason: 'Bad parameters' },
      { code: 404, reason: 'No such endpoint' },
    ],
    handler: ({ world, path }) => {
      const found = endpoints(world).find(
        (e) => String(e.technology).toLowerCase() === (path.tech ?? '').toLowerCase() && e.resource === path.resource,
      );
      return found ? ok(found) : fail(404, 'Endpoint not found');
    },
  },
];
