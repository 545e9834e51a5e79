import type { JSONSchemaType } from 'ajv';
import { text } from '../messages';
import type { SipcallSettings } from '../settings';
import { EXTENSION_CODES } from '../wire/extension-codes';
import { byInternalNumber, EXTNUMBER_LIST, extensionNumbers } from '../wire/extension-list';
import { success } from '../wire/envelope';
import { paramsFailure, paramsInput, type ParamRule } from '../wire/params';
import { serviceKind, type SipcallService } from './service';

interface ValidStatusParams {
  extnumber: string;
}

const schema: JSONSchemaType<ValidStatusParams> = { type: 'object', properties: { extnumber: EXTNUMBER_LIST }, required: ['extnumber'] };

const rules: readonly ParamRule[] = [{ name: 'extnumber', invalid: { key: 'invalidExtnumber', vars: { name: 'extnumber' } } }];

/**
 * `App.Sip_Status.GetSipValidStatus`: whether each extension of the comma
 * list is enabled, `result: [{"extnumber":"90170002","code":1016}]` in the
 * list's order: `1016` enabled, `1012` no such extension. The PBX's
 * directory has no disabled extensions, so `1013` is never answered.
 */
export function getSipValidStatus(settings: SipcallSettings): SipcallService {
  const kind = serviceKind(settings);
  const input = paramsInput(kind.compile(schema), rules);
  return kind.define({
    name: 'App.Sip_Status.GetSipValidStatus',
    service: 'App.Sip_Status.GetSipValidStatus',
    auth: 'token',
    input,
    invalidInput: (errors) => paramsFailure(rules, errors, settings.language),
    async run(ctx, request) {
      const extensions = byInternalNumber(await ctx.core.listExtensions());
      return extensionNumbers(request.extnumber).map((extnumber) => ({
        extnumber,
        code: extensions.has(extnumber) ? EXTENSION_CODES.enabled : EXTENSION_CODES.notFound,
      }));
    },
    render: (result, ctx) => success(text(settings.language, 'queryDone'), ctx.reqtime, ctx.core.clock.now(), result),
  });
}
