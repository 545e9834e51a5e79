import { bodyParam, fail, noContent, ok, pathParam, queryParam, type AriResult, type RouteSpec } from '../ari/route-spec';
import { HANGUP_REASONS } from '../engine/causes';
import { requestHangup } from '../engine/hangup';
import type { World } from '../engine/world';
import { originateParams as p } from './channel-params';
import { findChannel, findControl } from './lookups';
import { createChannel, dialCreated, originate } from './origination';

const channelIdParam = pathParam('channelId', 'string', "Channel's id.");
const variablesBody = bodyParam('variables', 'containers', 'Channel variables to set: {"variables": {"name": "value"}}.');

function hangup(world: World, channelId: string, reason: string | undefined, reasonCode: string | undefined): AriResult {
  if (reason !== undefined && reasonCode !== undefined) return fail(400, "The reason and reason_code can't both be specified");
  let cause = 16;
  if (reasonCode !== undefined) {
    const match = /^\s*([+-]?\d+)/.exec(reasonCode);
    if (!match) return fail(400, 'Invalid reason for hangup reason code provided');
    cause = Number.parseInt(match[1] ?? '16', 10);
  } else if (reason !== undefined) {
    const mapped = HANGUP_REASONS[reason];
    if (mapped === undefined) return fail(400, 'Invalid reason for hangup reason provided');
    cause = mapped;
  }
  const channel = findChannel(world, channelId);
  // A snoop that left Stasis is listed yet out of ARI's reach.
  if (!channel || channel.detachedSnoop) return fail(404, 'Channel not found');
  requestHangup(world, channel, { kind: 'explicit', cause });
  return noContent();
}

export const channelLifecycleRoutes: RouteSpec[] = [
  {
    resource: 'channels',
    path: '/channels',
    method: 'GET',
    nickname: 'list',
    summary: 'Lists the active channels.',
    responseClass: 'List[Channel]',
    params: [],
    handler: ({ world }) => ok([...world.channels.values()].filter((c) => !c.destroyed).map((c) => c.snapshot())),
  },
  {
    resource: 'channels',
    path: '/channels',
    method: 'POST',
    nickname: 'originate',
    summary: 'Creates a channel and calls an endpoint with it (originate).',
    responseClass: 'Channel',
    params: [p.endpoint, p.extension, p.context, p.priority, p.label, p.app, p.appArgs, p.callerId, p.timeout, variablesBody, p.channelId, p.otherChannelId, p.originator, p.formats],
    errorResponses: [
      { code: 400, reason: 'Bad originate parameters' },
      { code: 409, reason: 'The chosen channel id is taken' },
    ],
    handler: ({ world, args }) => originate(world, args, undefined),
  },
  {
    resource: 'channels',
    path: '/channels/create',
    method: 'POST',
    nickname: 'create',
    summary: 'Creates a channel in a Stasis application without calling it.',
    responseClass: 'Channel',
    params: [
      p.endpoint,
      queryParam('app', 'string', 'Stasis application the channel enters.', { required: true }),
      p.appArgs,
      p.channelId,
      p.otherChannelId,
      p.originator,
      p.formats,
      variablesBody,
    ],
    errorResponses: [{ code: 409, reason: 'The chosen channel id is taken' }],
    handler: ({ world, args }) => createChannel(world, args),
  },
  {
    resource: 'channels',
    path: '/channels/{channelId}',
    method: 'GET',
    nickname: 'get',
    summary: 'Details of one channel.',
    responseClass: 'Channel',
    params: [channelIdParam],
    errorResponses: [{ code: 404, reason: 'No such channel' }],
    handler: ({ world, path }) => {
      const channel = findChannel(world, path.channelId ?? '');
      return channel ? ok(channel.snapshot()) : fail(404, 'Channel not found');
    },
  },
  {
    resource: 'channels',
    path: '/channels/{channelId}',
    method: 'POST',
    nickname: 'originateWithId',
    summary: 'Originates with a channel id chosen by the client.',
    responseClass: 'Channel',
    params: [
      pathParam('channelId', 'string', 'Id to give the new channel.'),
      p.endpoint,
      p.extension,
      p.context,
      p.priority,
      p.label,
      p.app,
      p.appArgs,
      p.callerId,
      p.timeout,
      variablesBody,
      p.otherChannelId,
      p.originator,
      p.formats,
    ],
    errorResponses: [
      { code: 400, reason: 'Bad originate parameters' },
      { code: 409, reason: 'The chosen channel id is taken' },
    ],
    handler: ({ world, args, path }) => originate(world, args, path.channelId),
  },
  {
    resource: 'channels',
    path: '/channels/{channelId}',
    method: 'DELETE',
    nickname: 'hangup',
    summary: 'Hangs a channel up.',
    responseClass: 'void',
    params: [
      channelIdParam,
      queryParam('reason_code', 'string', 'Q.850 cause to hang up with.'),
      queryParam('reason', 'string', 'Named reason to hang up with.', { allowableValues: Object.keys(HANGUP_REASONS) }),
    ],
    errorResponses: [
      { code: 400, reason: 'Unknown hang-up reason' },
      { code: 404, reason: 'No such channel' },
    ],
    handler: ({ world, args, path }) => hangup(world, path.channelId ?? '', args.nonEmpty('reason'), args.nonEmpty('reason_code')),
  },
  {
    resource: 'channels',
    path: '/channels/{channelId}/dial',
    method: 'POST',
    nickname: 'dial',
    summary: 'Calls a channel made with /channels/create.',
    responseClass: 'void',
    params: [
      channelIdParam,
      queryParam('caller', 'string', 'Channel the call is made for (its identity goes to the callee).'),
      queryParam('timeout', 'int', 'Seconds to wait for an answer.', { defaultValue: 0 }),
    ],
    errorResponses: [
      { code: 404, reason: 'No such channel' },
      { code: 409, reason: 'The channel is not a created one in state Down' },
    ],
    handler: ({ world, args, path }) => {
      const found = findControl(world, path.channelId ?? '');
      if (!found.ok) return found.result;
      return dialCreated(world, found.value, args) ?? noContent();
    },
  },
];
