import type { JSONSchemaType } from 'ajv';
import { callsOfExtension } from '../extension-calls';
import { business } from '../errors';
import { text } from '../messages';
import { seatAgentId } from '../seats';
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
 * the call at once. The core transfers agents' customer calls, so the calls
 * taken are the customer calls of the extension's seat agent (placed for
 * `sipcall-<extension>`, e.g. by a VICIdial manual dial); its other calls
 * (MakeCall, DoubleCall, voice menus, queue calls it answered) are answered
 * `1003` Operation failed until the core transfers those. An unknown
 * extension is `1012`, one in no call `1015`, an unknown queue `1002`.
 */
export function transferCall(settings: SipcallSettings): SipcallService {
  const kind = serviceKind(settings);
  const language = settings.language;
  const input = paramsInput(kind.compile(schema), rules);
  return kind.define({
    name: 'App.Sip_Call.TransferCall',
    partial: 'customer calls placed for the extension\'s seat agent only; MakeCall, DoubleCall, voice-menu and queue calls are answered `1003`',
    service: 'App.Sip_Call.TransferCall',
    auth: 'token',
    input,
    invalidInput: (errors) => paramsFailure(rules, errors, language),
    async run(ctx, request): Promise<void> {
      const extension = await ctx.core.findExtension({ by: 'internal_number', value: request.anumber }, null);
      const calls = callsOfExtension(extension, await ctx.core.listLiveCalls());
      if (calls.length === 0) throw refuse(business('1015', 'extensionNotInCall'));
      const seatCall = calls.find(({ call }) => call.purpose === 'agent_customer' && call.agentId === seatAgentId(extension));
      if (!seatCall) throw refuse(business('1003', 'operationFailed'));
      const callId = seatCall.call.id;
      if (request.transfertype === '2') await ctx.core.transferCallToQueue({ callId, queueName: request.destnumber });
      else await ctx.core.transferCall({ callId, number: request.destnumber, callerId: null });
    },
    render: (_done, ctx) => success(text(language, 'transferDone'), ctx.reqtime, ctx.core.clock.now()),
  });
}
