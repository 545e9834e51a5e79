import type { JSONSchemaType } from 'ajv';
import { business } from '../errors';
import { hangUpCallsOf } from '../extension-calls';
import { text } from '../messages';
import type { SipcallSettings } from '../settings';
import { superviseExtension } from '../supervision';
import { EXTNUMBER } from '../wire/call-params';
import { success } from '../wire/envelope';
import { paramsFailure, paramsInput, type ParamRule } from '../wire/params';
import { refuse, serviceKind, type SipcallService } from './service';

interface ForceCallParams {
  extnumber: string;
  destnumber: string;
  forcetype: string;
}

const schema: JSONSchemaType<ForceCallParams> = {
  type: 'object',
  properties: { extnumber: EXTNUMBER, destnumber: EXTNUMBER, forcetype: { type: 'string', enum: ['1', '2'] } },
  required: ['extnumber', 'destnumber', 'forcetype'],
};

const rules: readonly ParamRule[] = [
  { name: 'extnumber', invalid: { key: 'invalidExtnumber', vars: { name: 'extnumber' } } },
  { name: 'destnumber', invalid: { key: 'invalidExtnumber', vars: { name: 'destnumber' } } },
  { name: 'forcetype', invalid: 'range', range: ['1', '2'] },
];

/**
 * `App.Sip_Call.ForceCall`: a supervisor (`extnumber`) acting on the call of
 * the extension `destnumber`: `forcetype` 1 barges in (the supervisor's
 * phone is rung, then speaks to both sides: core supervision, mode barge),
 * 2 releases the call by force (as HangupCall of `destnumber`). The
 * supervisor's extension must exist (`1012`) either way; `destnumber` in no
 * call `1015`.
 */
export function forceCall(settings: SipcallSettings): SipcallService {
  const kind = serviceKind(settings);
  const input = paramsInput(kind.compile(schema), rules);
  return kind.define({
    name: 'App.Sip_Call.ForceCall',
    service: 'App.Sip_Call.ForceCall',
    auth: 'token',
    input,
    invalidInput: (errors) => paramsFailure(rules, errors, settings.language),
    async run(ctx, request): Promise<void> {
      if (request.forcetype === '1') {
        await superviseExtension(ctx, { extnumber: request.extnumber, destnumber: request.destnumber, mode: 'barge', operation: 'ForceCall' });
        return;
      }
      await ctx.core.findExtension({ by: 'internal_number', value: request.extnumber }, null);
      const target = await ctx.core.findExtension({ by: 'internal_number', value: request.destnumber }, null);
      if (!(await hangUpCallsOf(ctx.core, target))) throw refuse(business('1015', 'extensionNotInCall'));
    },
    render: (_done, ctx) => success(text(settings.language, 'callDone'), ctx.reqtime, ctx.core.clock.now()),
    errors: { LEG_NOT_FOUND: business('1015', 'extensionNotInCall') },
  });
}
