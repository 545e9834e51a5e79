import type { Extension } from '@pbx-gateway/core';
import type { JSONSchemaType } from 'ajv';
import { business } from '../errors';
import { text, type MessageKey } from '../messages';
import type { SipcallSettings } from '../settings';
import { EXTNUMBER, TEXT64 } from '../wire/call-params';
import { success } from '../wire/envelope';
import { paramsFailure, paramsInput, type ParamRule } from '../wire/params';
import { QUEUENAME } from '../wire/queue-params';
import { refuse, serviceKind, type ServiceContext, type SipcallService } from './service';

export interface SeatQueueParams {
  extnumber: string;
  queuename: string;
  crmid?: string;
}

const schema: JSONSchemaType<SeatQueueParams> = {
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
 * A service that moves an extension's seat into or out of a queue: the
 * extension and the queue are checked alike (unknown extension `1012`,
 * unknown queue `1002`), then `act` runs; answered with `done`.
 */
export function seatQueueService(
  settings: SipcallSettings,
  operation: 'SipSignIn' | 'SipSignOut',
  done: MessageKey,
  act: (ctx: ServiceContext, extension: Extension, request: SeatQueueParams) => Promise<void>,
): SipcallService {
  const kind = serviceKind(settings);
  const input = paramsInput(kind.compile(schema), rules);
  return kind.define({
    name: `App.Sip_Queue.${operation}`,
    service: `App.Sip_Queue.${operation}`,
    auth: 'token',
    input,
    invalidInput: (errors) => paramsFailure(rules, errors, settings.language),
    async run(ctx, request): Promise<void> {
      const extension = await ctx.core.findExtension({ by: 'internal_number', value: request.extnumber }, null);
      if (!(await ctx.core.getQueue(request.queuename))) throw refuse(business('1002', 'queueNotFound'));
      await act(ctx, extension, request);
    },
    render: (_done, ctx) => success(text(settings.language, done), ctx.reqtime, ctx.core.clock.now()),
  });
}
