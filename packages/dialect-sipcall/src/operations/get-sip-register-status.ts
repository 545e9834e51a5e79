import type { JSONSchemaType } from 'ajv';
import { text } from '../messages';
import type { SipcallSettings } from '../settings';
import { EXTENSION_CODES } from '../wire/extension-codes';
import { EXTNUMBER_LIST } from '../wire/extension-list';
import { listedExtensions } from '../extension-registrations';
import { success } from '../wire/envelope';
import { paramsFailure, paramsInput, type ParamRule } from '../wire/params';
import { serviceKind, type SipcallService } from './service';

interface RegisterStatusParams {
  extnumber: string;
}

const schema: JSONSchemaType<RegisterStatusParams> = { type: 'object', properties: { extnumber: EXTNUMBER_LIST }, required: ['extnumber'] };

const rules: readonly ParamRule[] = [{ name: 'extnumber', invalid: { key: 'invalidExtnumber', vars: { name: 'extnumber' } } }];

/**
 * `App.Sip_Status.GetSipRegisterStatus`: whether the phone of each extension
 * of the comma list is registered, from the engine's endpoints (core
 * `deviceRegistrations`): `result: [{"clientip":"","extnumber":"100","code":1017}]`,
 * `1017` registered, `1014` not registered, `1012` no such extension.
 * ARI tells whether an endpoint is reachable, not from where, so `clientip`
 * is empty.
 */
export function getSipRegisterStatus(settings: SipcallSettings): SipcallService {
  const kind = serviceKind(settings);
  const input = paramsInput(kind.compile(schema), rules);
  return kind.define({
    name: 'App.Sip_Status.GetSipRegisterStatus',
    service: 'App.Sip_Status.GetSipRegisterStatus',
    auth: 'token',
    input,
    invalidInput: (errors) => paramsFailure(rules, errors, settings.language),
    async run(ctx, request) {
      return (await listedExtensions(ctx.core, request.extnumber)).map(({ extnumber, extension, registered }) => {
        const code = !extension ? EXTENSION_CODES.notFound : registered ? EXTENSION_CODES.registered : EXTENSION_CODES.notRegistered;
        return { clientip: '', extnumber, code };
      });
    },
    render: (result, ctx) => success(text(settings.language, 'queryDone'), ctx.reqtime, ctx.core.clock.now(), result),
  });
}
