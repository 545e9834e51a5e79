import { bodyParam, fail, noContent, pathParam, queryParam, type AriResult, type RouteSpec } from '../ari/route-spec';
import type { World } from '../engine/world';
import { isJsonObject, type JsonObject } from '../util/json';

/**
 * POST /events/user/{eventName}: a ChannelUserevent sent to one application
 * (whatever it is subscribed to), carrying the snapshots of its sources.
 */
function userEvent(world: World, eventName: string, appName: string | undefined, sources: string[], body: unknown): AriResult {
  if (!appName) return fail(400, 'Missing parameter application');
  const app = world.apps.get(appName);
  if (!app || !app.active) return fail(404, 'Application not found');
  const variables = isJsonObject(body) ? body.variables : undefined;
  if (variables !== undefined && !isJsonObject(variables)) return fail(400, 'Invalid userevent data');
  const snapshots: JsonObject = {};
  for (const source of sources.filter((s) => s !== '')) {
    const colon = source.indexOf(':');
    const scheme = colon < 0 ? '' : source.slice(0, colon);
    const id = source.slice(colon + 1);
    if (scheme === 'channel') {
      const channel = world.channels.get(id);
      if (!channel || channel.destroyed) return fail(422, 'Event source was not found');
      snapshots.channel = channel.snapshot();
    } else if (scheme === 'bridge') {
      const bridge = world.bridges.get(id);
      if (!bridge) return fail(422, 'Event source was not found');
      snapshots.bridge = bridge.snapshot();
    } else if (scheme === 'endpoint') {
      const [tech, resource] = id.split('/');
      const endpoint = world.network
        .endpointsJson(() => [])
        .find((e) => String(e.technology).toLowerCase() === (tech ?? '').toLowerCase() && e.resource === resource);
      if (!endpoint) return fail(422, 'Event source was not found');
      snapshots.endpoint = endpoint;
    } else if (scheme !== 'deviceState') {
      return fail(400, 'Invalid event source URI scheme');
    }
  }
  const userevent: JsonObject = { ...(variables ?? {}), eventname: eventName };
  world.events.publishToApp(app.name, 'ChannelUserevent', { eventname: eventName, userevent, ...snapshots });
  return noContent();
}

/** The events WebSocket (its HTTP upgrade is served by ws/event-socket.ts) and user events. */
export const eventRoutes: RouteSpec[] = [
  {
    resource: 'events',
    path: '/events',
    method: 'GET',
    nickname: 'eventWebsocket',
    summary: 'WebSocket carrying the events of the named applications.',
    responseClass: 'Message',
    upgrade: 'websocket',
    params: [
      queryParam('app', 'string', 'Applications to receive events for, comma separated.', { required: true, allowMultiple: true }),
      queryParam('subscribeAll', 'boolean', 'Receive every event of the system instead of only subscribed ones.'),
    ],
  },
  {
    resource: 'events',
    path: '/events/user/{eventName}',
    method: 'POST',
    nickname: 'userEvent',
    summary: 'Sends a user-defined event to an application.',
    responseClass: 'void',
    params: [
      pathParam('eventName', 'string', 'Name of the event.'),
      queryParam('application', 'string', 'Application that receives the event.', { required: true }),
      queryParam('source', 'string', 'Objects the event is about: channel:, bridge:, endpoint:, deviceState: URIs.', { allowMultiple: true }),
      bodyParam('variables', 'containers', 'Payload of the event: {"variables": {"key": "value"}}.'),
    ],
    errorResponses: [
      { code: 404, reason: 'No such application' },
      { code: 422, reason: 'No such event source' },
      { code: 400, reason: 'Bad event source or payload' },
    ],
    handler: ({ world, args, path }) => userEvent(world, path.eventName ?? '', args.nonEmpty('application'), args.list('source'), args.body()),
  },
];
