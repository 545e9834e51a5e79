import type { JSONSchemaType } from 'ajv';
import { attribute, COMPANY_ATTRIBUTES } from '../auth';
import { text } from '../messages';
import type { SipcallSettings } from '../settings';
import { CUSTOMUUID, DISNUMBER, echoData, EXTNUMBER, PHONE_NUMBER, TEXT64 } from '../wire/call-params';
import { success } from '../wire/envelope';
import { paramsFailure, paramsInput, type ParamRule } from '../wire/params';
import { companyOf, serviceKind, type SipcallService } from './service';

interface DoubleCallParams {
  extnumber: string;
  anumber: string;
  bnumber: string;
  disnumber?: string;
  userid?: string;
  memberid?: string;
  /** The vendor's custom field, echoed as `chengshudu` is ("same value as chengshudu" in its newer CDR). */
  ext?: string;
  customuuid?: string;
}

const schema: JSONSchemaType<DoubleCallParams> = {
  type: 'object',
  properties: {
    extnumber: EXTNUMBER,
    anumber: PHONE_NUMBER,
    bnumber: PHONE_NUMBER,
    disnumber: DISNUMBER,
    userid: TEXT64,
    memberid: TEXT64,
    ext: TEXT64,
    customuuid: CUSTOMUUID,
  },
  required: ['extnumber', 'anumber', 'bnumber'],
};

// The vendor's parameter order: PhalApi reports the first failing rule.
const rules: readonly ParamRule[] = [
  { name: 'extnumber', invalid: { key: 'invalidExtnumber', vars: { name: 'extnumber' } } },
  { name: 'anumber', invalid: { key: 'invalidCharacters' } },
  { name: 'bnumber', invalid: { key: 'invalidCharacters' } },
  { name: 'disnumber', invalid: { key: 'invalidDisnumber' } },
  { name: 'userid', invalid: { key: 'invalidCharacters' } },
  { name: 'memberid', invalid: { key: 'invalidCharacters' } },
  { name: 'ext', invalid: { key: 'invalidCharacters' } },
  { name: 'customuuid', invalid: { key: 'invalidCharacters' } },
];

/**
 * `App.Sip_Call.DoubleCall` (two-way call): the staff member's mobile
 * (`anumber`) is called first over the trunk; once it answers the customer
 * (`bnumber`) is dialled and the two are bridged. The call is the
 * extension's (`extnumber`: the CDR's extension), through the core's
 * click-to-call with a source number. Acknowledged like MakeCall.
 */
export function doubleCall(settings: SipcallSettings): SipcallService {
  const kind = serviceKind(settings);
  const language = settings.language;
  const input = paramsInput(kind.compile(schema), rules);
  return kind.define({
    name: 'App.Sip_Call.DoubleCall',
    service: 'App.Sip_Call.DoubleCall',
    auth: 'token',
    input,
    invalidInput: (errors) => paramsFailure(rules, errors, language),
    async run(ctx, request): Promise<void> {
      const user = companyOf(ctx);
      const companycode = attribute(user, COMPANY_ATTRIBUTES.code);
      const echoed = { customuuid: request.customuuid, memberid: request.memberid, userid: request.userid, chengshudu: request.ext };
      await ctx.core.startClickToCall({
        source: { by: 'internal_number', value: request.extnumber },
        sourceNumber: request.anumber,
        dialplan: null,
        destination: request.bnumber,
        // The mobile shows the number the customer will see, else the customer's: the staff member knows whom the call is for.
        sourceCallerId: { number: request.disnumber ?? request.bnumber, name: '' },
        destinationCallerId: request.disnumber ?? null,
        callerIdFromPool: true,
        sourceRingSec: null,
        destinationRingSec: null,
        data: echoData(echoed),
        tenant: companycode === '' ? null : companycode,
        origin: { dialect: 'sipcall', operation: 'DoubleCall', apiUserId: user.id },
      });
    },
    render: (_done, ctx) => success(text(language, 'callDone'), ctx.reqtime, ctx.core.clock.now()),
  });
}
