import { fail, noContent, ok, pathParam, queryParam, type RouteSpec } from '../ari/route-spec';
import type { World } from '../engine/world';
import { asteriskTimestamp } from '../util/asterisk-time';

const CONTROLLABLE_STATES = ['NOT_INUSE', 'INUSE', 'BUSY', 'INVALID', 'UNAVAILABLE', 'RINGING', 'RINGINUSE', 'ONHOLD'];
/** Only `Stasis:<name>` devices are ARI's to set. */
const CONTROLLED_PREFIX = 'Stasis:';

const deviceNameParam = pathParam('deviceName', 'string', 'Name of the device.');
const UNCONTROLLED = { code: 409, reason: 'Uncontrolled device specified' };
const NO_NAME = { code: 404, reason: 'Device name is missing' };

/** What a device reports: a Stasis device its set state (UNKNOWN once deleted); any other device is invalid here. */
function stateOf(world: World, name: string): string {
  if (name.startsWith(CONTROLLED_PREFIX)) return world.deviceStates.get(name) ?? 'UNKNOWN';
  return 'INVALID';
}

function changed(world: World, name: string, state: string): void {
  world.apps.deliverDeviceState(name, { name, state }, asteriskTimestamp());
}

export const deviceStateRoutes: RouteSpec[] = [
  {
    resource: 'deviceStates',
    path: '/deviceStates',
    method: 'GET',
    nickname: 'list',
    summary: 'Lists the device states ARI controls.',
    responseClass: 'List[DeviceState]',
    params: [],
    handler: ({ world }) => ok([...world.deviceStates].map(([name, state]) => ({ name, state }))),
  },
  {
    resource: 'deviceStates',
    path: '/deviceStates/{deviceName}',
    method: 'GET',
    nickname: 'get',
    summary: 'The state of one device.',
    responseClass: 'DeviceState',
    params: [deviceNameParam],
    handler: ({ world, path }) => {
      const name = path.deviceName ?? '';
      return ok({ name, state: stateOf(world, name) });
    },
  },
  {
    resource: 'deviceStates',
    path: '/deviceStates/{deviceName}',
    method: 'PUT',
    nickname: 'update',
    summary: 'Sets the state of a Stasis device.',
    responseClass: 'void',
    params: [deviceNameParam, queryParam('deviceState', 'string', 'The new state.', { required: true, allowableValues: CONTROLLABLE_STATES })],
    errorResponses: [NO_NAME, UNCONTROLLED],
    handler: ({ world, args, path }) => {
      const name = path.deviceName ?? '';
      if (!name.startsWith(CONTROLLED_PREFIX)) return fail(409, UNCONTROLLED.reason);
      const state = args.nonEmpty('deviceState') ?? '';
      if (!CONTROLLABLE_STATES.includes(state)) return fail(500, 'Unknown device');
      world.deviceStates.set(name, state);
      changed(world, name, state);
      return noContent();
    },
  },
  {
    resource: 'deviceStates',
    path: '/deviceStates/{deviceName}',
    method: 'DELETE',
    nickname: 'delete',
    summary: 'Forgets a Stasis device.',
    responseClass: 'void',
    params: [deviceNameParam],
    errorResponses: [NO_NAME, UNCONTROLLED],
    // Deleting publishes nothing; the device then reads as UNKNOWN.
    handler: ({ world, path }) => {
      const name = path.deviceName ?? '';
      if (!name.startsWith(CONTROLLED_PREFIX)) return fail(409, UNCONTROLLED.reason);
      world.deviceStates.delete(name);
      return noContent();
    },
  },
];
