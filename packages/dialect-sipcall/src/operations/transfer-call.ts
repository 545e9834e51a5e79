import type { JSONSchemaType } from 'ajv';
import { callsOfExtension, transferableCallOf } from '../extension-calls';
import { business } from '../errors';
import { text } from '../messages';
import type { SipcallSettings } from '../settings';
import { EXTNUMBER } from '../wire/call-params';
import { success } from '../wire/envelope';
import { paramsFailure, paramsInput, type ParamRule } from '../wire/params';
import { refuse, serviceKind, type SipcallService } from './service';

interface TransferCallParams {
  anumber: string;
  destnumber: string;
  transfertype?: string;
}

const schema: JSONSchemaType<TransferCallParams> = {
  type: 'object',
  properties: {
    anumber: EXTNUMBER,
    // A number or extension (type 1) or a queue name (type 2): the core refuses what it cannot dial or find.
    destnumber: { type: 'string', maxLength: 64, pattern: '^[0-9A-Za-z_.@*#+-]+$' },
    transfertype: { type: 'string', enum: ['1', '2'], nullable: true },
  },
  required: ['anumber', 'destnumber'],
};

const rules: readonly ParamRule[] = [
  { name: 'anumber', invalid: { key: 'invalidExtnumber', vars: { name: 'anumber' } } },
  { name: 'destnumber', invalid: { key: 'invalidTransferTarget' } },
  { name: 'transfertype', invalid: 'range', range: ['1', '2'] },
];

/**
 * `App.Sip_Call.TransferCall`: a blind transfer of the other party of the
 * extension's (`anumber`) call: `transfertype` 1 (the default) to a number or
 * an extension (`destnumber`; the customer hears ringing until it answers),
 * 2 into a queue, where it waits for the queue's seats. The extension leaves
 * the call at once. The calls taken are the extension's own (MakeCall,
 * DoubleCall, a voice menu it answered) and its seat agent's (a queue call it
 * answered, a call placed for `sipcall-<extension>`); a call it is in but
 * does not hold (one handed to it, one still ringing) is `1003` Operation
 * failed. An unknown extension is `1012`, one in no call `1015`, an unknown
 * queue `1002`.
 */
export function transferCall(settings: SipcallSettings): SipcallService {
  const kind = serviceKind(settings);
  const language = settings.language;
  const input = paramsInput(kind.compile(schema), rules);
  return kind.define({
    name: 'App.Sip_Call.TransferCall',
    service: 'App.Sip_Call.TransferCall',
    auth: 'token',
    input,
    invalidInput: (errors) => paramsFailure(rules, errors, language),
    async run(ctx, request): Promise<void> {
      const extension = await ctx.core.findExtension({ by: 'internal_number', value: request.anumber }, null);
      const calls = callsOfExtension(extension, await ctx.core.listLiveCalls());
      if (calls.length === 0) throw refuse(business('1015', 'extensionNotInCall'));
      const own = transferableCallOf(extension, calls);
      if (!own) throw refuse(business('1003', 'operationFailed'));
      const callId = own.id;
      if (request.transfertype === '2') await ctx.core.transferCallToQueue({ callId, queueName: request.destnumber });
      else await ctx.core.transferCall({ callId, number: request.destnumber, callerId: null });
    },
    render: (_done, ctx) => success(text(language, 'transferDone'), ctx.reqtime, ctx.core.clock.now()),
  });
}
