import { bodyParam, fail, noContent, ok, pathParam, queryParam, type AriResult, type RouteContext, type RouteSpec } from '../ari/route-spec';
import { Bridge, type BridgeType } from '../engine/bridge';
import { bridgeMediaQueue, bridgeRecorderQueue, releaseRefusedRecorder, startBridgeMoh, stopBridgeMedia, stopBridgeMoh } from '../engine/bridge-media';
import { joinBridge, leaveBridge } from '../engine/bridge-membership';
import type { Channel } from '../engine/channel';
import { ControlQueue } from '../engine/control-queue';
import { LiveRecording } from '../engine/live-recording';
import type { World } from '../engine/world';
import { asteriskTimestamp } from '../util/asterisk-time';
import { isJsonObject } from '../util/json';
import { withChosenId } from './chosen-id';
import { findBridge } from './lookups';
import { queuePlayback, queueRecording, RECORDING_OPTION_PARAMS } from './media-requests';

const bridgeIdParam = pathParam('bridgeId', 'string', "Bridge's id.");
const NO_SUCH_BRIDGE = { code: 404, reason: 'No such bridge' };
const NOT_STASIS_BRIDGE = { code: 409, reason: 'The bridge belongs to no Stasis application' };
const BRIDGE_FEATURES = ['dtmf_events', 'proxy_media', 'video_sfu', 'video_single', 'sdp_label'];

/**
 * stasis_app_bridge_create: `type` is a comma list read left to right.
 * `mixing` adds the mixing capabilities, `holding` the holding one,
 * `video_sfu` multi-party mixing; the other features add none. No
 * capability at all, or holding together with mixing, creates nothing.
 */
function parseType(type: string | undefined): { type: BridgeType; features: string[] } | undefined {
  const tokens = (type === undefined || type === '' ? 'mixing' : type).split(',').map((t) => t.trim());
  let mixing = false;
  let holding = false;
  const features: string[] = [];
  for (const token of tokens) {
    if (token === 'mixing') mixing = true;
    else if (token === 'holding') holding = true;
    else if (BRIDGE_FEATURES.includes(token)) {
      features.push(token);
      if (token === 'video_sfu') mixing = true;
    }
  }
  if (holding && mixing) return undefined;
  if (holding) return { type: 'holding', features };
  return mixing ? { type: 'mixing', features } : undefined;
}

function createBridge(world: World, route: 'plain' | 'withId', id: string | undefined, type: string | undefined, name: string | undefined, body: unknown): AriResult {
  if (id !== undefined && world.bridges.has(id)) return fail(409, `Bridge with id '${id}' already exists`);
  const parsed = parseType(type);
  // The two routes word the failure differently (ast_ari_bridges_create and ..._create_with_id).
  if (!parsed) return fail(500, route === 'withId' ? 'Unable to create bridge' : `Unable to create bridge. Possible duplicate bridge id '${id ?? '(null)'}'`);
  const bridge = new Bridge(id ?? world.ids.uuid(), parsed.type, parsed.features, name ?? '', asteriskTimestamp());
  const variables = isJsonObject(body) && isJsonObject(body.variables) ? body.variables : {};
  for (const [key, value] of Object.entries(variables)) if (typeof value === 'string') bridge.vars.set(key, value);
  world.bridges.set(bridge.id, bridge);
  world.events.publish('BridgeCreated', {}, { bridge: bridge.snapshot() }, { bridges: [bridge.id] });
  return ok(bridge.snapshot());
}

/**
 * control_list_create: every named channel must exist (400 "Channel not
 * found") and be in Stasis (422 "Channel not in Stasis application").
 */
function channelsInStasis(world: World, ids: string[]): { ok: true; channels: Channel[] } | { ok: false; result: AriResult } {
  const channels: Channel[] = [];
  for (const id of ids) {
    if (id === '') continue;
    const channel = world.channels.get(id);
    if (!channel || channel.destroyed) return { ok: false, result: fail(400, 'Channel not found') };
    if (!channel.stasis) return { ok: false, result: fail(422, 'Channel not in Stasis application') };
    channels.push(channel);
  }
  if (channels.length === 0) return { ok: false, result: fail(400, 'Missing parameter channel') };
  return { ok: true, channels };
}

function destroyBridge(world: World, bridge: Bridge): void {
  bridge.destroyed = true;
  stopBridgeMedia(world, bridge);
  for (const channel of [...bridge.channels]) leaveBridge(world, channel, { updatePeers: false });
  world.bridges.delete(bridge.id);
  world.events.publish('BridgeDestroyed', {}, { bridge: bridge.snapshot() }, { bridges: [bridge.id] });
  world.apps.forget('bridges', bridge.id);
}

const createParams = (withIdInPath: boolean) => [
  queryParam('type', 'string', 'Comma list: mixing or holding, plus dtmf_events, proxy_media, video_sfu, video_single, sdp_label.'),
  withIdInPath ? pathParam('bridgeId', 'string', 'Id to give the bridge.') : queryParam('bridgeId', 'string', 'Id to give the bridge.'),
  queryParam('name', 'string', 'Name to give the bridge.'),
  bodyParam('variables', 'containers', 'Bridge variables to set: {"variables": {"name": "value"}}.'),
];

const playParams = [
  queryParam('media', 'string', 'Media URIs to play in order.', { required: true, allowMultiple: true }),
  queryParam('announcer_format', 'string', 'Format of the announcer channel.'),
  queryParam('lang', 'string', 'Language for sound files.'),
  queryParam('offsetms', 'int', 'Milliseconds to skip at the start of the first media.', { defaultValue: 0 }),
  queryParam('skipms', 'int', 'Milliseconds forward and reverse move by.', { defaultValue: 3000 }),
];
const PLAY_ERRORS = [NO_SUCH_BRIDGE, NOT_STASIS_BRIDGE, { code: 422, reason: 'Unknown format' }];

/** A bridge's media runs on an internal channel that joins it; its events follow the bridge. */
function mediaTarget(bridge: Bridge) {
  return { uri: bridge.uri, sources: { bridges: [bridge.id] } };
}

/**
 * A holding bridge takes one announcer: when a channel was added with that
 * role, the ARI announcer cannot join and the playback starts and fails.
 */
function announcerQueue(world: World, bridge: Bridge): ControlQueue {
  if (bridge.type === 'holding' && bridge.channels.some((c) => !c.internal && c.bridgeRole === 'announcer')) {
    const refused = new ControlQueue((task) => world.soon(task));
    refused.flushOnHangup();
    return refused;
  }
  return bridgeMediaQueue(world, bridge);
}

function playOnBridge({ world, args, path }: RouteContext, playbackId: string | undefined): AriResult {
  const found = findBridge(world, path.bridgeId ?? '');
  if (!found.ok) return found.result;
  const bridge = found.value;
  return queuePlayback(world, () => announcerQueue(world, bridge), mediaTarget(bridge), args, playbackId, 'en');
}

export const bridgeRoutes: RouteSpec[] = [
  {
    resource: 'bridges',
    path: '/bridges',
    method: 'GET',
    nickname: 'list',
    summary: 'Lists the bridges.',
    responseClass: 'List[Bridge]',
    params: [],
    handler: ({ world }) => ok([...world.bridges.values()].map((b) => b.snapshot())),
  },
  {
    resource: 'bridges',
    path: '/bridges',
    method: 'POST',
    nickname: 'create',
    summary: 'Creates a bridge.',
    responseClass: 'Bridge',
    params: createParams(false),
    errorResponses: [{ code: 409, reason: 'The chosen bridge id is taken' }],
    handler: ({ world, args }) => createBridge(world, 'plain', args.nonEmpty('bridgeId'), args.nonEmpty('type'), args.nonEmpty('name'), args.body()),
  },
  {
    resource: 'bridges',
    path: '/bridges/{bridgeId}',
    method: 'POST',
    nickname: 'createWithId',
    summary: 'Creates a bridge with a chosen id.',
    responseClass: 'Bridge',
    params: createParams(true),
    errorResponses: [{ code: 409, reason: 'The chosen bridge id is taken' }],
    handler: ({ world, args, path }) => createBridge(world, 'withId', path.bridgeId, args.nonEmpty('type'), args.nonEmpty('name'), args.body()),
  },
  {
    resource: 'bridges',
    path: '/bridges/{bridgeId}',
    method: 'GET',
    nickname: 'get',
    summary: 'Details of one bridge.',
    responseClass: 'Bridge',
    params: [bridgeIdParam],
    errorResponses: [NO_SUCH_BRIDGE],
    handler: ({ world, path }) => {
      const found = findBridge(world, path.bridgeId ?? '');
      return found.ok ? ok(found.value.snapshot()) : found.result;
    },
  },
  {
    resource: 'bridges',
    path: '/bridges/{bridgeId}',
    method: 'DELETE',
    nickname: 'destroy',
    summary: 'Destroys a bridge; its channels stay in their application.',
    responseClass: 'void',
    params: [bridgeIdParam],
    errorResponses: [NO_SUCH_BRIDGE],
    handler: ({ world, path }) => {
      const found = findBridge(world, path.bridgeId ?? '');
      if (!found.ok) return found.result;
      destroyBridge(world, found.value);
      return noContent();
    },
  },
  {
    resource: 'bridges',
    path: '/bridges/{bridgeId}/addChannel',
    method: 'POST',
    nickname: 'addChannel',
    summary: 'Adds channels to a bridge.',
    responseClass: 'void',
    params: [
      bridgeIdParam,
      queryParam('channel', 'string', 'Ids of the channels to add.', { required: true, allowMultiple: true }),
      queryParam('role', 'string', "Role of the channels in the bridge (participant, announcer...)."),
      queryParam('absorbDTMF', 'boolean', 'Keep DTMF from these channels out of the bridge.', { defaultValue: false }),
      queryParam('mute', 'boolean', 'Keep audio from these channels out of the bridge.', { defaultValue: false }),
      queryParam('inhibitConnectedLineUpdates', 'boolean', 'Do not update connected line on these channels.', { defaultValue: false }),
    ],
    errorResponses: [
      { code: 400, reason: 'No such channel' },
      NO_SUCH_BRIDGE,
      { code: 409, reason: 'Not a Stasis bridge, or the channel is recording' },
      { code: 422, reason: 'The channel is in no Stasis application' },
    ],
    handler: ({ world, args, path }) => {
      const found = findBridge(world, path.bridgeId ?? '');
      if (!found.ok) return found.result;
      const listed = channelsInStasis(world, args.list('channel'));
      if (!listed.ok) return listed.result;
      for (const channel of listed.channels) {
        const running = channel.control?.current;
        if (running instanceof LiveRecording && running.inSession) return fail(409, `Channel ${channel.id} currently recording`);
        joinBridge(world, channel, found.value);
        channel.bridgeRole = args.nonEmpty('role');
      }
      return noContent();
    },
  },
  {
    resource: 'bridges',
    path: '/bridges/{bridgeId}/removeChannel',
    method: 'POST',
    nickname: 'removeChannel',
    summary: 'Removes channels from a bridge.',
    responseClass: 'void',
    params: [bridgeIdParam, queryParam('channel', 'string', 'Ids of the channels to remove.', { required: true, allowMultiple: true })],
    errorResponses: [
      { code: 400, reason: 'No such channel' },
      NO_SUCH_BRIDGE,
      NOT_STASIS_BRIDGE,
      { code: 422, reason: 'The channel is not in this bridge' },
    ],
    handler: ({ world, args, path }) => {
      const found = findBridge(world, path.bridgeId ?? '');
      if (!found.ok) return found.result;
      const listed = channelsInStasis(world, args.list('channel'));
      if (!listed.ok) return listed.result;
      if (listed.channels.some((c) => c.bridge !== found.value)) return fail(422, 'Channel not in this bridge');
      for (const channel of listed.channels) leaveBridge(world, channel);
      return noContent();
    },
  },
  {
    resource: 'bridges',
    path: '/bridges/{bridgeId}/moh',
    method: 'POST',
    nickname: 'startMoh',
    summary: 'Plays music on hold into the bridge.',
    responseClass: 'void',
    params: [bridgeIdParam, queryParam('mohClass', 'string', 'Music class; the default class when omitted.')],
    errorResponses: [NO_SUCH_BRIDGE, NOT_STASIS_BRIDGE],
    handler: ({ world, args, path }) => {
      const found = findBridge(world, path.bridgeId ?? '');
      if (!found.ok) return found.result;
      found.value.mohClass = args.nonEmpty('mohClass') ?? 'default';
      startBridgeMoh(world, found.value);
      return noContent();
    },
  },
  {
    resource: 'bridges',
    path: '/bridges/{bridgeId}/moh',
    method: 'DELETE',
    nickname: 'stopMoh',
    summary: 'Stops music on hold in the bridge.',
    responseClass: 'void',
    params: [bridgeIdParam],
    errorResponses: [NO_SUCH_BRIDGE, NOT_STASIS_BRIDGE],
    handler: ({ world, path }) => {
      const found = findBridge(world, path.bridgeId ?? '');
      if (!found.ok) return found.result;
      if (!found.value.mohChannel) return fail(409, "Bridge isn't playing music");
      found.value.mohClass = undefined;
      stopBridgeMoh(world, found.value);
      return noContent();
    },
  },
  ...withChosenId({
    resource: 'bridges',
    path: '/bridges/{bridgeId}/play',
    nickname: 'play',
    summary: 'Plays media into the bridge (through an announcer channel).',
    summaryWithId: 'Plays media into the bridge with a chosen playback id.',
    responseClass: 'Playback',
    target: bridgeIdParam,
    chosenId: { name: 'playbackId', description: 'Id to give the playback.' },
    params: playParams,
    errorResponses: PLAY_ERRORS,
    handler: playOnBridge,
  }),
  {
    resource: 'bridges',
    path: '/bridges/{bridgeId}/record',
    method: 'POST',
    nickname: 'record',
    summary: 'Records the bridge (through a recorder channel).',
    responseClass: 'LiveRecording',
    params: [
      bridgeIdParam,
      queryParam('name', 'string', 'Recording name.', { required: true }),
      queryParam('format', 'string', 'File format.', { required: true }),
      queryParam('recorder_format', 'string', 'Format of the recorder channel.'),
      ...RECORDING_OPTION_PARAMS,
    ],
    errorResponses: [
      { code: 400, reason: 'Bad parameters' },
      NO_SUCH_BRIDGE,
      { code: 409, reason: 'Not a Stasis bridge, or the name is taken' },
      { code: 422, reason: 'Unknown format' },
    ],
    handler: ({ world, args, path }) => {
      const found = findBridge(world, path.bridgeId ?? '');
      if (!found.ok) return found.result;
      const bridge = found.value;
      // A bridge destroyed while it is recorded keeps the file, but its
      // recordings end unheard: the application's subscription went with it.
      const target = { ...mediaTarget(bridge), heard: () => !bridge.destroyed };
      const result = queueRecording(world, () => bridgeRecorderQueue(world, bridge), target, args);
      // Asterisk puts the recorder into the bridge before it finds the name
      // taken: it joins and leaves at once (the peers see both).
      if (result.status === 409) releaseRefusedRecorder(world, bridge);
      return result;
    },
  },
];

