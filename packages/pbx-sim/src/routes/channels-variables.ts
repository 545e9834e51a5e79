import { bodyParam, fail, noContent, ok, pathParam, queryParam, type RouteSpec } from '../ari/route-spec';
import { readChannelVariable, writeChannelVariable } from '../engine/variables';
import { isJsonObject, type JsonObject } from '../util/json';
import { findChannel, findControl } from './lookups';

const channelIdParam = pathParam('channelId', 'string', "Channel's id.");

/**
 * Channel variables. Reading works on any channel (even one outside Stasis)
 * and reads through functions, builtins and globals; writing needs Stasis.
 */
export const channelVariableRoutes: RouteSpec[] = [
  {
    resource: 'channels',
    path: '/channels/{channelId}/variable',
    method: 'GET',
    nickname: 'getChannelVar',
    summary: 'Reads a channel variable or function.',
    responseClass: 'Variable',
    params: [channelIdParam, queryParam('variable', 'string', 'Variable name, or a function such as CALLERID(num).', { required: true })],
    errorResponses: [
      { code: 400, reason: 'No variable name given' },
      { code: 404, reason: 'No such channel, or variable not set' },
      { code: 409, reason: 'The channel is in no Stasis application' },
    ],
    handler: ({ world, args, path }) => {
      const name = args.nonEmpty('variable');
      if (!name) return fail(400, 'Variable name is required');
      const channel = findChannel(world, path.channelId ?? '');
      if (!channel) return fail(404, 'Provided channel was not found');
      const result = readChannelVariable(world, channel, name);
      if (result.kind === 'bad-function') return fail(500, 'Unable to read provided function');
      if (result.kind === 'unset') return fail(404, 'Provided variable was not found');
      return ok({ value: result.value });
    },
  },
  {
    resource: 'channels',
    path: '/channels/{channelId}/variable',
    method: 'POST',
    nickname: 'setChannelVar',
    summary: 'Sets a channel variable or function.',
    responseClass: 'void',
    params: [
      channelIdParam,
      queryParam('variable', 'string', 'Variable name, or a function such as CALLERID(num).', { required: true }),
      queryParam('value', 'string', 'New value; the variable is unset when omitted.'),
      queryParam('report_events', 'boolean', 'Report the variable in channel snapshots (channelvars) from now on.', { defaultValue: false }),
    ],
    errorResponses: [
      { code: 400, reason: 'No variable name given' },
      { code: 404, reason: 'No such channel' },
      { code: 409, reason: 'The channel is in no Stasis application' },
    ],
    handler: ({ world, args, path }) => {
      const name = args.nonEmpty('variable');
      if (!name) return fail(400, 'Variable name is required');
      const found = findControl(world, path.channelId ?? '');
      if (!found.ok) return found.result;
      if (!writeChannelVariable(world, found.value, name, args.string('value'), args.bool('report_events'))) {
        return fail(400, 'Failed to execute function');
      }
      return noContent();
    },
  },
  {
    resource: 'channels',
    path: '/channels/{channelId}/variables',
    method: 'GET',
    nickname: 'getChannelVars',
    summary: 'Reads several channel variables.',
    responseClass: 'Variables',
    params: [channelIdParam, queryParam('variables', 'string', 'Variable names.', { required: true, allowMultiple: true })],
    errorResponses: [
      { code: 400, reason: 'No variables given' },
      { code: 404, reason: 'No such channel, or variable not set' },
      { code: 409, reason: 'The channel is in no Stasis application' },
    ],
    handler: ({ world, args, path }) => {
      const names = args.list('variables').filter((n) => n !== '');
      if (names.length === 0) return fail(400, 'At least one variable name is required');
      const channel = findChannel(world, path.channelId ?? '');
      if (!channel) return fail(404, 'Provided channel was not found');
      const values: JsonObject = {};
      for (const name of names) {
        const result = readChannelVariable(world, channel, name);
        if (result.kind === 'bad-function') return fail(500, 'Unable to read provided function');
        if (result.kind === 'unset') return fail(404, 'Provided variable was not found');
        values[name] = result.value;
      }
      return ok({ variables: values });
    },
  },
  {
    resource: 'channels',
    path: '/channels/{channelId}/variables',
    method: 'POST',
    nickname: 'setChannelVars',
    summary: 'Sets several channel variables.',
    responseClass: 'void',
    params: [channelIdParam, bodyParam('variables', 'containers', 'Variables to set: {"variables": {"name": "value"}}.', { required: true })],
    errorResponses: [
      { code: 400, reason: 'No variables given' },
      { code: 404, reason: 'No such channel' },
      { code: 409, reason: 'The channel is in no Stasis application' },
    ],
    handler: ({ world, args, path }) => {
      const body = args.body();
      const variables = isJsonObject(body) ? body.variables : undefined;
      if (!isJsonObject(variables)) return fail(400, 'Variables are required');
      const found = findControl(world, path.channelId ?? '');
      if (!found.ok) return found.result;
      for (const value of Object.values(variables)) {
        if (typeof value !== 'string') return fail(400, "Only string values in the 'variables' object allowed");
      }
      for (const [name, value] of Object.entries(variables)) {
        if (!writeChannelVariable(world, found.value, name, value as string)) return fail(400, 'Failed to execute function');
      }
      return noContent();
    },
  },
];
