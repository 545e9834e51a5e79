import type { JSONSchemaType } from 'ajv';
import type { SipcallSettings } from '../settings';
import { CUSTOMUUID, DISNUMBER, EXTNUMBER, PHONE_NUMBER, TEXT64 } from '../wire/call-params';
import type { ParamRule } from '../wire/params';
import { callPlacementService, type CallPlacement } from './call-placement';
import type { SipcallService } from './service';

export interface MakeCallParams {
  extnumber: string;
  destnumber: string;
  disnumber?: string;
  userid?: string;
  chengshudu?: string;
  memberid?: string;
  customuuid?: string;
}

export const makeCallSchema: JSONSchemaType<MakeCallParams> = {
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
export const makeCallRules: readonly ParamRule[] = [
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
 * the trunk and the two are bridged.
 */
export function makeCall(settings: SipcallSettings): SipcallService {
  return callPlacementService(settings, 'MakeCall', makeCallSchema, makeCallRules, makeCallPlacement);
}

/** The extension first, showing the customer's number; the customer shown `disnumber`, else a pool number. */
export const makeCallPlacement = (request: MakeCallParams): CallPlacement => ({
  extnumber: request.extnumber,
  destination: request.destnumber,
  sourceShows: request.destnumber,
  disnumber: request.disnumber,
  echoed: request,
});
