import { fail, ok, pathParam, queryParam, type AriResult, type RouteSpec } from '../ari/route-spec';
import { requestHangup } from '../engine/hangup';
import { enterStasis } from '../engine/stasis';
import type { World } from '../engine/world';
import { SNOOP_DIRECTIONS } from './channel-params';
import { withChosenId } from './chosen-id';
import { findChannel } from './lookups';

const channelIdParam = pathParam('channelId', 'string', "Channel's id.");

/**
 * A snoop channel (`Snoop/<target id>-<seq>`, Up) spying on or whispering to
 * another channel, in a Stasis application. It works on any channel, in
 * Stasis or not; the snoop enters its application right after the answer.
 */
function snoop(world: World, channelId: string, snoopId: string | undefined, spy: string, whisper: string, app: string | undefined, appArgs: string | undefined): AriResult {
  if (!(SNOOP_DIRECTIONS as readonly string[]).includes(spy)) return fail(400, 'Invalid direction specified for spy');
  if (!(SNOOP_DIRECTIONS as readonly string[]).includes(whisper)) return fail(400, 'Invalid direction specified for whisper');
  if (spy === 'none' && whisper === 'none') return fail(400, 'Direction must be specified for at least spy or whisper');
  if (!app) return fail(400, 'Application name is required');
  const target = findChannel(world, channelId);
  if (!target) return fail(404, 'Provided channel was not found');
  if (snoopId !== undefined && world.channelIdInUse(snoopId)) return fail(500, 'Snoop channel could not be created');
  const snoopChannel = world.createChannel({
    id: snoopId,
    name: `Snoop/${target.id}-${world.ids.nameSequence('Snoop')}`,
    technology: 'Snoop',
    state: 'Up',
    dialplan: { context: 'default', exten: 's', priority: 1, appName: '', appData: '' },
  });
  snoopChannel.snoopTarget = target;
  target.snoops.add(snoopChannel);
  const response = ok(snoopChannel.snapshot());
  world.soon(() => {
    if (snoopChannel.destroyed) return;
    if (!enterStasis(world, snoopChannel, app, appArgs, 'originate')) requestHangup(world, snoopChannel, { kind: 'silent', cause: 16 });
  });
  return response;
}

const snoopParams = [
  queryParam('spy', 'string', 'Audio to listen to.', { defaultValue: 'none', allowableValues: SNOOP_DIRECTIONS }),
  queryParam('whisper', 'string', 'Audio to speak into.', { defaultValue: 'none', allowableValues: SNOOP_DIRECTIONS }),
  queryParam('app', 'string', 'Application the snoop channel enters.', { required: true }),
  queryParam('appArgs', 'string', 'Arguments for that application.'),
];

export const channelSnoopRoutes: RouteSpec[] = withChosenId({
  resource: 'channels',
  path: '/channels/{channelId}/snoop',
  nickname: 'snoopChannel',
  summary: 'Starts a snoop channel that listens to and/or speaks into this one.',
  summaryWithId: 'Starts a snoop channel with a chosen id.',
  responseClass: 'Channel',
  target: channelIdParam,
  chosenId: { name: 'snoopId', description: 'Id to give the snoop channel.' },
  params: snoopParams,
  errorResponses: [
    { code: 400, reason: 'Bad parameters' },
    { code: 404, reason: 'No such channel' },
  ],
  handler: ({ world, args, path }, snoopId) =>
    snoop(world, path.channelId ?? '', snoopId, args.nonEmpty('spy') ?? 'none', args.nonEmpty('whisper') ?? 'none', args.nonEmpty('app'), args.nonEmpty('appArgs')),
});
