import type { JSONSchemaType } from 'ajv';
import { attribute, COMPANY_ATTRIBUTES } from '../auth';
import { text } from '../messages';
import type { SipcallSettings } from '../settings';
import { CUSTOMUUID, DISNUMBER, echoData, EXTNUMBER, PHONE_NUMBER, TEXT64 } from '../wire/call-params';
import { success } from '../wire/envelope';
import { paramsFailure, paramsInput, type ParamRule } from '../wire/params';
import { companyOf, serviceKind, type SipcallService } from './service';

interface MakeCallParams {
  extnumber: string;
  destnumber: string;
  disnumber?: string;
  userid?: string;
  chengshudu?: string;
  memberid?: string;
  customuuid?: string;
}

const schema: JSONSchemaType<MakeCallParams> = {
  type: 'object',
  properties: {
    extnumber: EXTNUMBER,
    destnumber: PHONE_NUMBER,
    disnumber: DISNUMBER,
    userid: TEXT64,
    chengshudu: TEXT64,
    memberid: TEXT64,
    customuuid: CUSTOMUUID,
  },
  required: ['extnumber', 'destnumber'],
};

// The vendor's parameter order: PhalApi reports the first failing rule.
const rules: readonly ParamRule[] = [
  { name: 'extnumber', invalid: { key: 'invalidExtnumber', vars: { name: 'extnumber' } } },
  { name: 'destnumber', invalid: { key: 'invalidCharacters' } },
  { name: 'disnumber', invalid: { key: 'invalidDisnumber' } },
  { name: 'userid', invalid: { key: 'invalidCharacters' } },
  { name: 'chengshudu', invalid: { key: 'invalidCharacters' } },
  { name: 'memberid', invalid: { key: 'invalidCharacters' } },
  { name: 'customuuid', invalid: { key: 'invalidCharacters' } },
];

/**
 * `App.Sip_Call.MakeCall`: the extension's phone rings first (showing the
 * number it is about to call); once it answers `destnumber` is dialled over
 * the trunk and the two are bridged (core click-to-call). The answer only
 * acknowledges the command, with no call id, as the vendor's: the call is
 * followed through the status callbacks of both sides and the CDR callback.
 */
export function makeCall(settings: SipcallSettings): SipcallService {
  const kind = serviceKind(settings);
  const language = settings.language;
  const input = paramsInput(kind.compile(schema), rules);
  return kind.define({
    name: 'App.Sip_Call.MakeCall',
    service: 'App.Sip_Call.MakeCall',
    auth: 'token',
    input,
    invalidInput: (errors) => paramsFailure(rules, errors, language),
    async run(ctx, request): Promise<void> {
      const user = companyOf(ctx);
      const companycode = attribute(user, COMPANY_ATTRIBUTES.code);
      await ctx.core.startClickToCall({
        source: { by: 'internal_number', value: request.extnumber },
        dialplan: null,
        destination: request.destnumber,
        sourceCallerId: { number: request.destnumber, name: '' },
        destinationCallerId: request.disnumber ?? null,
        callerIdFromPool: true,
        sourceRingSec: null,
        destinationRingSec: null,
        data: echoData(request),
        tenant: companycode === '' ? null : companycode,
        origin: { dialect: 'sipcall', operation: 'MakeCall', apiUserId: user.id },
      });
    },
    render: (_done, ctx) => success(text(language, 'callDone'), ctx.reqtime, ctx.core.clock.now()),
  });
}
