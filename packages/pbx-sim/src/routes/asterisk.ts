import { fail, noContent, ok, queryParam, type RouteSpec } from '../ari/route-spec';
import { asteriskTimestamp } from '../util/asterisk-time';
import type { JsonObject } from '../util/json';
import type { World } from '../engine/world';

export const ASTERISK_VERSION = '22.10.1';

/**
 * Build information is compiled into the Asterisk binary (ast_build_*): it
 * describes the machine that built it, not the one it runs on. These are the
 * values of the stock 22.10.1 build the golden traces came from.
 */
const BUILD = {
  os: 'Linux',
  kernel: '6.18.44-fc-v657',
  machine: 'x86_64',
  options: 'OPTIONAL_API',
  date: '2025-11-20 09:41:07 UTC',
  user: 'root',
} as const;
const INFO_SECTIONS = ['build', 'system', 'config', 'status'] as const;

function info(world: World, only: readonly string[]): JsonObject {
  const wanted = only.length === 0 ? INFO_SECTIONS : INFO_SECTIONS.filter((s) => only.some((o) => o.toLowerCase() === s));
  const json: JsonObject = {};
  for (const section of wanted) {
    switch (section) {
      case 'build':
        json.build = { ...BUILD };
        break;
      case 'system':
        json.system = { version: ASTERISK_VERSION, entity_id: world.ids.entityId };
        break;
      case 'config':
        json.config = { name: '', default_language: 'en', setid: { user: 'root', group: 'root' } };
        break;
      case 'status':
        json.status = { startup_time: world.startedAt, last_reload_time: world.startedAt };
        break;
    }
  }
  return json;
}

export const asteriskRoutes: RouteSpec[] = [
  {
    resource: 'asterisk',
    path: '/asterisk/info',
    method: 'GET',
    nickname: 'getInfo',
    summary: 'Information about this Asterisk.',
    responseClass: 'AsteriskInfo',
    params: [
      queryParam('only', 'string', 'Sections to return; all when omitted.', {
        allowMultiple: true,
        allowableValues: INFO_SECTIONS,
      }),
    ],
    handler: ({ world, args }) => ok(info(world, args.list('only'))),
  },
  {
    resource: 'asterisk',
    path: '/asterisk/ping',
    method: 'GET',
    nickname: 'ping',
    summary: 'Checks that Asterisk answers.',
    responseClass: 'AsteriskPing',
    params: [],
    handler: ({ world }) => ok({ ping: 'pong', timestamp: asteriskTimestamp(), asterisk_id: world.ids.entityId }),
  },
  {
    resource: 'asterisk',
    path: '/asterisk/variable',
    method: 'GET',
    nickname: 'getGlobalVar',
    summary: 'Reads a global variable.',
    responseClass: 'Variable',
    params: [queryParam('variable', 'string', 'Variable name.', { required: true })],
    errorResponses: [{ code: 400, reason: 'No variable name given' }],
    handler: ({ world, args }) => {
      const name = args.nonEmpty('variable');
      if (!name) return fail(400, 'Variable name is required');
      // Unlike channel variables, an unset global reads as an empty string.
      return ok({ value: world.globals.get(name) ?? '' });
    },
  },
  {
    resource: 'asterisk',
    path: '/asterisk/variable',
    method: 'POST',
    nickname: 'setGlobalVar',
    summary: 'Sets a global variable.',
    responseClass: 'void',
    params: [
      queryParam('variable', 'string', 'Variable name.', { required: true }),
      queryParam('value', 'string', 'New value; the variable is unset when omitted.'),
    ],
    errorResponses: [{ code: 400, reason: 'No variable name given' }],
    handler: ({ world, args }) => {
      const name = args.nonEmpty('variable');
      if (!name) return fail(400, 'Variable name is required');
      const value = args.string('value');
      if (value === undefined) {
        world.globals.delete(name);
      } else {
        world.globals.set(name, value);
        // A global ChannelVarset has no channel; only applications subscribed to everything see it.
        world.events.publish('ChannelVarset', { variable: name, value }, {}, {});
      }
      return noContent();
    },
  },
];

