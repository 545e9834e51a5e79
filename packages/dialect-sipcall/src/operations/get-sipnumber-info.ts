import type { JSONSchemaType } from 'ajv';
import { text } from '../messages';
import type { SipcallSettings } from '../settings';
import { EXTENSION_CODES } from '../wire/extension-codes';
import { EXTNUMBER_LIST, extensionNumbers } from '../wire/extension-list';
import { registeredExtensionIds } from '../extension-registrations';
import { success } from '../wire/envelope';
import { paramsFailure, paramsInput, type ParamRule } from '../wire/params';
import { serviceKind, type SipcallService } from './service';

interface SipnumberInfoParams {
  status?: string;
  extnumber?: string;
}

const schema: JSONSchemaType<SipnumberInfoParams> = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['1', '2', '3'], nullable: true },
    extnumber: { ...EXTNUMBER_LIST, nullable: true },
  },
  required: [],
};

const rules: readonly ParamRule[] = [
  { name: 'status', invalid: 'range', range: ['1', '2', '3'] },
  { name: 'extnumber', invalid: { key: 'invalidExtnumber', vars: { name: 'extnumber' } } },
];

/**
 * `App.Sip_Sipnum.GetSipnumberInfo`: the company's extensions,
 * `result: [{"extnumber":"100001","password":"100001","status":1016,"register":"nreg"}]`,
 * by internal number; `status` 1 enabled (the default), 2 disabled, 3 all;
 * `extnumber` (one or a comma list) narrows the list. Every extension of the
 * PBX is enabled (its directory has no disabled ones), so 2 lists none.
 * `register` is `reg` when the engine reaches the phone, else `nreg`. The
 * gateway holds no SIP passwords (the engine does), so `password` is empty.
 */
export function getSipnumberInfo(settings: SipcallSettings): SipcallService {
  const kind = serviceKind(settings);
  const input = paramsInput(kind.compile(schema), rules);
  return kind.define({
    name: 'App.Sip_Sipnum.GetSipnumberInfo',
    service: 'App.Sip_Sipnum.GetSipnumberInfo',
    auth: 'token',
    input,
    invalidInput: (errors) => paramsFailure(rules, errors, settings.language),
    async run(ctx, request) {
      if (request.status === '2') return [];
      const wanted = request.extnumber === undefined ? null : new Set(extensionNumbers(request.extnumber));
      const extensions = (await ctx.core.listExtensions()).filter((extension) => wanted === null || wanted.has(extension.internalNumber));
      if (extensions.length === 0) return [];
      const online = await registeredExtensionIds(ctx.core);
      return [...extensions]
        .sort((a, b) => a.id - b.id)
        .map((extension) => ({ extnumber: extension.internalNumber, password: '', status: EXTENSION_CODES.enabled, register: online.has(extension.id) ? 'reg' : 'nreg' }));
    },
    render: (result, ctx) => success(text(settings.language, 'queryDone'), ctx.reqtime, ctx.core.clock.now(), result),
  });
}
