import type { JSONSchemaType } from 'ajv';
import { business } from '../errors';
import { text } from '../messages';
import { seatExtension } from '../seats';
import type { SipcallSettings } from '../settings';
import { success } from '../wire/envelope';
import { EXTNUMBER_LIST, extensionNumbers } from '../wire/extension-list';
import type { WireObject } from '../wire/php-json';
import { paramsFailure, paramsInput, type ParamRule } from '../wire/params';
import { QUEUENAME } from '../wire/queue-params';
import { refuse, serviceKind, type SipcallService } from './service';

interface QueueSipStatusParams {
  queuename: string;
  extnumber?: string;
}

const schema: JSONSchemaType<QueueSipStatusParams> = {
  type: 'object',
  properties: { queuename: QUEUENAME, extnumber: { ...EXTNUMBER_LIST, nullable: true } },
  required: ['queuename'],
};

const rules: readonly ParamRule[] = [
  { name: 'queuename', invalid: { key: 'invalidQueuename' } },
  { name: 'extnumber', invalid: { key: 'invalidExtnumber', vars: { name: 'extnumber' } } },
];

/**
 * `App.Sip_Queue.GetQueueSipStatus`: the seats of a queue, in the order they
 * joined: `result: [{"seatsname":"100","queuename":"TEST_IN","status":"ready"}]`.
 * `seatsname` is the extension of a seat signed in through Sip_Call, else the
 * agent's id (the queue's agents from other dialects are its seats too);
 * `status` the agent's state in the core (`ready`, `paused`, `in_call`,
 * `wrap_up`), `paused` for a member paused in this queue, `offline` without
 * a session. `extnumber` (one or a comma list) narrows the list.
 */
export function getQueueSipStatus(settings: SipcallSettings): SipcallService {
  const kind = serviceKind(settings);
  const input = paramsInput(kind.compile(schema), rules);
  return kind.define({
    name: 'App.Sip_Queue.GetQueueSipStatus',
    service: 'App.Sip_Queue.GetQueueSipStatus',
    auth: 'token',
    input,
    invalidInput: (errors) => paramsFailure(rules, errors, settings.language),
    async run(ctx, request) {
      const queue = await ctx.core.getQueue(request.queuename);
      if (!queue) throw refuse(business('1002', 'queueNotFound'));
      const wanted = request.extnumber === undefined ? null : new Set(extensionNumbers(request.extnumber));
      const seats: WireObject[] = [];
      for (const member of queue.members) {
        const seatsname = seatExtension(member.agentId) ?? member.agentId;
        if (wanted !== null && !wanted.has(seatsname)) continue;
        const session = await ctx.core.getAgentSession(member.agentId);
        const status = !session ? 'offline' : member.paused ? 'paused' : session.state;
        seats.push({ seatsname, queuename: queue.name, status });
      }
      return seats;
    },
    render: (result, ctx) => success(text(settings.language, 'queryDone'), ctx.reqtime, ctx.core.clock.now(), result),
  });
}
