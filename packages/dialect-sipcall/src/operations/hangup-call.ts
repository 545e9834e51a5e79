import type { JSONSchemaType } from 'ajv';
import { hangUpCallsOf } from '../extension-calls';
import { business } from '../errors';
import { text } from '../messages';
import type { SipcallSettings } from '../settings';
import { EXTNUMBER } from '../wire/call-params';
import { success } from '../wire/envelope';
import { paramsFailure, paramsInput, type ParamRule } from '../wire/params';
import { refuse, serviceKind, type SipcallService } from './service';

interface HangupCallParams {
  extnumber: string;
}

const schema: JSONSchemaType<HangupCallParams> = {
  type: 'object',
  properties: { extnumber: EXTNUMBER },
  required: ['extnumber'],
};

const rules: readonly ParamRule[] = [{ name: 'extnumber', invalid: { key: 'invalidExtnumber', vars: { name: 'extnumber' } } }];

/**
 * `App.Sip_Call.HangupCall`: ends the calls of the extension (extension-calls:
 * its phone's legs, or every leg of a DoubleCall it placed). An unknown extension is
 * `1012`, one in no call `1015` (the vendor's "extension not in a call").
 */
export function hangupCall(settings: SipcallSettings): SipcallService {
  const kind = serviceKind(settings);
  const language = settings.language;
  const input = paramsInput(kind.compile(schema), rules);
  return kind.define({
    name: 'App.Sip_Call.HangupCall',
    service: 'App.Sip_Call.HangupCall',
    auth: 'token',
    input,
    invalidInput: (errors) => paramsFailure(rules, errors, language),
    async run(ctx, request): Promise<void> {
      const extension = await ctx.core.findExtension({ by: 'internal_number', value: request.extnumber }, null);
      if (!(await hangUpCallsOf(ctx.core, extension))) throw refuse(business('1015', 'extensionNotInCall'));
    },
    render: (_done, ctx) => success(text(language, 'hangupDone'), ctx.reqtime, ctx.core.clock.now()),
  });
}
