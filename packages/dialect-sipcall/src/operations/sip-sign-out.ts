import type { JSONSchemaType } from 'ajv';
import { business } from '../errors';
import { text } from '../messages';
import { seatAgentId } from '../seats';
import type { SipcallSettings } from '../settings';
import { EXTNUMBER, TEXT64 } from '../wire/call-params';
import { success } from '../wire/envelope';
import { paramsFailure, paramsInput, type ParamRule } from '../wire/params';
import { QUEUENAME } from '../wire/queue-params';
import { refuse, serviceKind, type SipcallService } from './service';

interface SignOutParams {
  extnumber: string;
  queuename: string;
  crmid?: string;
}

const schema: JSONSchemaType<SignOutParams> = {
  type: 'object',
  properties: { extnumber: EXTNUMBER, queuename: QUEUENAME, crmid: TEXT64 },
  required: ['extnumber', 'queuename'],
};

const rules: readonly ParamRule[] = [
  { name: 'extnumber', invalid: { key: 'invalidExtnumber', vars: { name: 'extnumber' } } },
  { name: 'queuename', invalid: { key: 'invalidQueuename' } },
  { name: 'crmid', invalid: { key: 'invalidCharacters' } },
];

/**
 * `App.Sip_Queue.SipSignOut`: the extension's seat leaves the queue (a call
 * it is in goes on). An extension not signed in to it is already signed out:
 * success, as Logout is. Unknown extension `1012`, unknown queue `1002`.
 */
export function sipSignOut(settings: SipcallSettings): SipcallService {
  const kind = serviceKind(settings);
  const input = paramsInput(kind.compile(schema), rules);
  return kind.define({
    name: 'App.Sip_Queue.SipSignOut',
    service: 'App.Sip_Queue.SipSignOut',
    auth: 'token',
    input,
    invalidInput: (errors) => paramsFailure(rules, errors, settings.language),
    async run(ctx, request): Promise<void> {
      const extension = await ctx.core.findExtension({ by: 'internal_number', value: request.extnumber }, null);
      if (!(await ctx.core.getQueue(request.queuename))) throw refuse(business('1002', 'queueNotFound'));
      const agentId = seatAgentId(extension);
      if (!(await ctx.core.getAgentSession(agentId))) return;
      await ctx.core.changeAgentQueues({ agentId, change: 'remove', queues: [request.queuename], blended: null });
    },
    render: (_done, ctx) => success(text(settings.language, 'signOutDone'), ctx.reqtime, ctx.core.clock.now()),
  });
}
