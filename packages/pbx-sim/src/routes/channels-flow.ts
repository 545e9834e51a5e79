import { fail, noContent, pathParam, queryParam, type RouteSpec } from '../ari/route-spec';
import { leaveBridge } from '../engine/bridge-membership';
import type { Channel } from '../engine/channel';
import { requestHangup } from '../engine/hangup';
import { leaveStasis, switchStasis } from '../engine/stasis';
import type { World } from '../engine/world';
import { CONTROL_STATE_ERRORS, findControl, findControlInValidState } from './lookups';

const channelIdParam = pathParam('channelId', 'string', "Channel's id.");

/**
 * Leaves Stasis for the dialplan. Only a channel that reached Stasis from
 * the dialplan has a PBX to go back to; one that was originated into the
 * application, created or snooping has none, and once Stasis returns its
 * owner (the originate's dialler, the create thread) hangs it up without a
 * cause, as Asterisk does.
 */
function continueInDialplan(world: World, channel: Channel, target: { context: string; exten: string; priority: number }): void {
  // res_stasis departs the bridge before going back to the dialplan.
  if (channel.bridge) leaveBridge(world, channel);
  leaveStasis(world, channel);
  if (channel.pbx) {
    channel.pbx.goto(target.context, target.exten, target.priority);
    return;
  }
  // The explicit goto still lands in the snapshot, and the dialler's last snapshot follows the destroy.
  channel.dialplan = { ...channel.dialplan, context: target.context, exten: target.exten, priority: target.priority };
  const dialler = channel.dialplan.appName === 'AppDial2';
  requestHangup(world, channel, {
    kind: 'silent',
    cause: channel.hangupCause,
    afterDestroyed: dialler ? () => world.events.channelEvent('ChannelDialplan', channel, {}, { dialplan_app: 'AppDial2', dialplan_app_data: '(Outgoing Line)' }) : undefined,
  });
}

/**
 * Stasis app switch: StasisEnd for the old application, StasisStart for the
 * new one; when the new one is not there the old one gets ApplicationMoveFailed.
 */
function moveChannel(world: World, channel: Channel, app: string, appArgs: string | undefined): void {
  if (channel.destroyed || !channel.stasis) return;
  const target = world.apps.get(app);
  if (!target || !target.active) {
    world.events.publish(
      'ApplicationMoveFailed',
      {},
      { channel: channel.snapshot(), destination: app, args: appArgs ? appArgs.split(',') : [] },
      { channels: [channel.id] },
    );
    return;
  }
  switchStasis(world, channel, app, appArgs);
}

/** Ways a channel leaves its application or its call: continue, move, redirect. */
export const channelFlowRoutes: RouteSpec[] = [
  {
    resource: 'channels',
    path: '/channels/{channelId}/continue',
    method: 'POST',
    nickname: 'continueInDialplan',
    summary: 'Takes the channel out of Stasis and back to the dialplan.',
    responseClass: 'void',
    params: [
      channelIdParam,
      queryParam('context', 'string', 'Context to continue in.'),
      queryParam('extension', 'string', 'Extension to continue at.'),
      queryParam('priority', 'int', 'Priority to continue at.'),
      queryParam('label', 'string', 'Priority label to continue at.'),
    ],
    errorResponses: CONTROL_STATE_ERRORS,
    handler: ({ world, args, path }) => {
      const found = findControlInValidState(world, path.channelId ?? '');
      if (!found.ok) return found.result;
      const channel = found.value;
      const context = args.nonEmpty('context') ?? channel.dialplan.context;
      const exten = args.nonEmpty('extension') ?? channel.dialplan.exten;
      const label = args.nonEmpty('label');
      let priority: number;
      if (label !== undefined) {
        if (!/^\s*-?\d+/.test(label)) return fail(404, 'Requested label can not be found');
        priority = Number.parseInt(label, 10);
        if (priority === 0) return fail(400, 'Requested priority is illegal');
      } else if (args.int('priority')) {
        priority = args.int('priority') ?? 1;
      } else if (!args.nonEmpty('context') && !args.nonEmpty('extension')) {
        priority = channel.dialplan.priority + 1;
      } else {
        priority = 1;
      }
      world.soon(() => {
        if (!channel.destroyed && channel.stasis) continueInDialplan(world, channel, { context, exten, priority });
      });
      return noContent();
    },
  },
  {
    resource: 'channels',
    path: '/channels/{channelId}/move',
    method: 'POST',
    nickname: 'move',
    summary: 'Moves the channel to another Stasis application.',
    responseClass: 'void',
    params: [
      channelIdParam,
      queryParam('app', 'string', 'Application to move to.', { required: true }),
      queryParam('appArgs', 'string', 'Arguments for that application.'),
    ],
    errorResponses: [
      { code: 404, reason: 'No such channel' },
      { code: 409, reason: 'The channel is in no Stasis application' },
    ],
    handler: ({ world, args, path }) => {
      const found = findControl(world, path.channelId ?? '');
      if (!found.ok) return found.result;
      const app = args.nonEmpty('app');
      if (!app) return fail(500, 'Failed to switch Stasis applications');
      const channel = found.value;
      const appArgs = args.nonEmpty('appArgs');
      world.soon(() => moveChannel(world, channel, app, appArgs));
      return noContent();
    },
  },
  {
    resource: 'channels',
    path: '/channels/{channelId}/redirect',
    method: 'POST',
    nickname: 'redirect',
    summary: 'Asks the far end to call somewhere else (SIP redirect or transfer).',
    responseClass: 'void',
    params: [channelIdParam, queryParam('endpoint', 'string', 'Where to send the far end, as tech/resource.', { required: true })],
    errorResponses: [
      { code: 400, reason: 'No endpoint given' },
      { code: 404, reason: 'No such channel or endpoint' },
      { code: 409, reason: 'The channel is in no Stasis application' },
      { code: 422, reason: 'The endpoint\'s technology differs from the channel\'s' },
      { code: 412, reason: 'The channel\'s state does not allow this' },
    ],
    handler: ({ world, args, path }) => {
      const found = findControlInValidState(world, path.channelId ?? '');
      if (!found.ok) return found.result;
      const channel = found.value;
      const endpoint = args.nonEmpty('endpoint');
      if (!endpoint) return fail(400, "Required parameter 'endpoint' not provided.");
      const slash = endpoint.indexOf('/');
      if (slash < 0 || slash === endpoint.length - 1) return fail(400, `Endpoint parameter '${endpoint}' does not contain tech/resource`);
      const tech = endpoint.slice(0, slash);
      if (tech.toLowerCase() !== channel.technology.toLowerCase()) {
        return fail(422, `Endpoint technology '${tech}' does not match channel technology '${channel.technology}'`);
      }
      // Only a SIP channel has a far end to send elsewhere; a Local channel's driver has no transfer, so nothing happens.
      if (channel.technology.toUpperCase() !== 'PJSIP') return noContent();
      // The far end follows the redirect and leaves this call.
      channel.farTimers.push(world.after(50, () => requestHangup(world, channel, { kind: 'remote', cause: 16 })));
      return noContent();
    },
  },
];
