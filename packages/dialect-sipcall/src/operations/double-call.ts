import type { JSONSchemaType } from 'ajv';
import type { SipcallSettings } from '../settings';
import { CUSTOMUUID, DISNUMBER, EXTNUMBER, PHONE_NUMBER, TEXT64 } from '../wire/call-params';
import type { ParamRule } from '../wire/params';
import { callPlacementService } from './call-placement';
import type { SipcallService } from './service';

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
 * click-to-call with a source number.
 */
export function doubleCall(settings: SipcallSettings): SipcallService {
  return callPlacementService(settings, 'DoubleCall', schema, rules, (request: DoubleCallParams) => ({
    extnumber: request.extnumber,
    sourceNumber: request.anumber,
    destination: request.bnumber,
    // The mobile shows the number the customer will see, else the customer's: the staff member knows whom the call is for.
    sourceShows: request.disnumber ?? request.bnumber,
    disnumber: request.disnumber,
    echoed: { customuuid: request.customuuid, memberid: request.memberid, userid: request.userid, chengshudu: request.ext },
  }));
}
