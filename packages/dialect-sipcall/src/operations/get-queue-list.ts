import type { JSONSchemaType } from 'ajv';
import { text } from '../messages';
import type { SipcallSettings } from '../settings';
import { success } from '../wire/envelope';
import { paramsFailure, paramsInput, type ParamRule } from '../wire/params';
import { serviceKind, type SipcallService } from './service';

type QueueListParams = Record<string, never>;

const schema: JSONSchemaType<QueueListParams> = { type: 'object', additionalProperties: true, required: [] };

const rules: readonly ParamRule[] = [];

/**
 * `App.Sip_Queue.GetQueueList`: the core's queues (those VICIdial in-groups
 * and the other dialects' queues are), by name: `result: [{"queuename":"TEST_IN"}]`.
 */
export function getQueueList(settings: SipcallSettings): SipcallService {
  const kind = serviceKind(settings);
  const input = paramsInput(kind.compile(schema), rules);
  return kind.define({
    name: 'App.Sip_Queue.GetQueueList',
    service: 'App.Sip_Queue.GetQueueList',
    auth: 'token',
    input,
    invalidInput: (errors) => paramsFailure(rules, errors, settings.language),
    run: async (ctx) => (await ctx.core.listQueues()).map((queue) => ({ queuename: queue.name })),
    render: (result, ctx) => success(text(settings.language, 'queryDone'), ctx.reqtime, ctx.core.clock.now(), result),
  });
}
