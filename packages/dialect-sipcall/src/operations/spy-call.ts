import type { JSONSchemaType } from 'ajv';
import { business } from '../errors';
import { text } from '../messages';
import type { SipcallSettings } from '../settings';
import { stopWhispering, superviseExtension } from '../supervision';
import { EXTNUMBER } from '../wire/call-params';
import { success } from '../wire/envelope';
import { paramsFailure, paramsInput, type ParamRule } from '../wire/params';
import { serviceKind, type SipcallService } from './service';

interface SpyCallParams {
  extnumber: string;
  destnumber: string;
  monitortype: string;
}

const schema: JSONSchemaType<SpyCallParams> = {
  type: 'object',
  properties: { extnumber: EXTNUMBER, destnumber: EXTNUMBER, monitortype: { type: 'string', enum: ['1', '2', '3', '4'] } },
  required: ['extnumber', 'destnumber', 'monitortype'],
};

const rules: readonly ParamRule[] = [
  { name: 'extnumber', invalid: { key: 'invalidExtnumber', vars: { name: 'extnumber' } } },
  { name: 'destnumber', invalid: { key: 'invalidExtnumber', vars: { name: 'destnumber' } } },
  { name: 'monitortype', invalid: 'range', range: ['1', '2', '3', '4'] },
];

const MODES = { '1': 'listen', '2': 'whisper', '4': 'barge' } as const;

/**
 * `App.Sip_Call.SpyCall`: the supervisor's extension (`extnumber`) is rung,
 * then joins the call of `destnumber` (an extension): `monitortype` 1 listen,
 * 2 whisper (the extension alone hears the supervisor), 4 three-way (both
 * sides hear); 3 (stop whispering) turns the whisper the supervisor runs on
 * `destnumber`'s call back into listening (the core's supervision switch);
 * no such whisper is `1003` Operation failed. `destnumber` in no call `1015`.
 */
export function spyCall(settings: SipcallSettings): SipcallService {
  const kind = serviceKind(settings);
  const input = paramsInput(kind.compile(schema), rules);
  return kind.define({
    name: 'App.Sip_Call.SpyCall',
    service: 'App.Sip_Call.SpyCall',
    auth: 'token',
    input,
    invalidInput: (errors) => paramsFailure(rules, errors, settings.language),
    async run(ctx, request): Promise<void> {
      if (request.monitortype === '3') return stopWhispering(ctx, request.extnumber, request.destnumber);
      const mode = MODES[request.monitortype as keyof typeof MODES];
      await superviseExtension(ctx, { extnumber: request.extnumber, destnumber: request.destnumber, mode, operation: 'SpyCall' });
    },
    render: (_done, ctx) => success(text(settings.language, 'callDone'), ctx.reqtime, ctx.core.clock.now()),
    errors: { LEG_NOT_FOUND: business('1015', 'extensionNotInCall') },
  });
}
