import type { JSONSchemaType } from 'ajv';
import { business } from '../errors';
import { text } from '../messages';
import { signInSeat } from '../seats';
import type { SipcallSettings } from '../settings';
import { EXTNUMBER, TEXT64 } from '../wire/call-params';
import { success } from '../wire/envelope';
import { paramsFailure, paramsInput, type ParamRule } from '../wire/params';
import { QUEUENAME } from '../wire/queue-params';
import { refuse, serviceKind, type SipcallService } from './service';

interface SignInParams {
  extnumber: string;
  queuename: string;
  crmid?: string;
}

const schema: JSONSchemaType<SignInParams> = {
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
 * `App.Sip_Queue.SipSignIn`: the extension takes the queue's calls from now
 * on: its seat agent (seats.ts) joins the core's queue, the one VICIdial
 * in-groups and the other dialects' queues are, and is offered its waiting
 * calls on its phone. Signing in again is a success. Unknown extension
 * `1012`, unknown queue `1002` (queue does not exist).
 */
export function sipSignIn(settings: SipcallSettings): SipcallService {
  const kind = serviceKind(settings);
  const input = paramsInput(kind.compile(schema), rules);
  return kind.define({
    name: 'App.Sip_Queue.SipSignIn',
    service: 'App.Sip_Queue.SipSignIn',
    auth: 'token',
    input,
    invalidInput: (errors) => paramsFailure(rules, errors, settings.language),
    async run(ctx, request): Promise<void> {
      const extension = await ctx.core.findExtension({ by: 'internal_number', value: request.extnumber }, null);
      if (!(await ctx.core.getQueue(request.queuename))) throw refuse(business('1002', 'queueNotFound'));
      await signInSeat(ctx.core, extension, request.queuename, request.crmid ?? null);
    },
    render: (_done, ctx) => success(text(settings.language, 'signInDone'), ctx.reqtime, ctx.core.clock.now()),
  });
}
