import { LEAD_PARAM_FILTERS } from '../../agent-api/lead-params';
import { bytesToText } from '../../wire/php-params';
import type { NumberToLocate, TimeZoneMethod, WeeklyHours } from '@pbx-gateway/core';
import { printedGmtOffset } from '../../wire/gmt-offset';
import { callTimeNamed, dialableAt, hoursForNumber } from '../call-times';
import { nanpaDataLoaded, onNanpaExchange } from '../nanpa';
import { LIST_WORD } from '../list-settings';
import { defineNonAgentFunction, refuse, type NonAgentContext } from '../operation';
import { IDENTIFIER, readWith } from '../params';

const readInput = readWith((params) => ({
  phoneNumber: params.read('phone_number', { keep: '0-9' }),
  phoneCode: params.read('phone_code', { keep: '0-9' }) || '1',
  localCallTime: params.read('local_call_time', LIST_WORD),
  tzMethod: params.read('tz_method', LIST_WORD) || 'AREACODE',
  dncCheck: params.read('dnc_check', IDENTIFIER),
  campaignDncCheck: params.read('campaign_dnc_check', IDENTIFIER),
  campaignId: params.read('campaign_id', LIST_WORD),
  usacanPrefixCheck: params.read('usacan_prefix_check', { keep: 'A-Z' }),
  usacanAreacodeCheck: params.read('usacan_areacode_check', { keep: 'A-Z' }),
  nanpaCheck: params.read('nanpa_ac_prefix_check', { keep: 'A-Z' }),
  postalCode: params.read('postal_code', LEAD_PARAM_FILTERS.postal_code),
  state: params.read('state', LEAD_PARAM_FILTERS.state),
  owner: params.read('owner', LEAD_PARAM_FILTERS.owner),
}));

type Input = ReturnType<typeof readInput>['value'];

/** Only these switch a do-not-call check on here (not YES, unlike add_lead). */
const dncAsked = (flag: string): boolean => flag === 'Y' || flag === 'AREACODE';

/** A North American area code: one the phone-code table holds for country 1. */
async function isNorthAmericanAreaCode(ctx: NonAgentContext, areaCode: string): Promise<boolean> {
  return (await ctx.core.findPhoneCodes({ countryCode: '1', areaCode })).length > 0;
}

/** The number's own validity, in VICIdial's order: the first failing check's words, or null. */
async function invalidNumber(ctx: NonAgentContext, input: Input): Promise<string | null> {
  if (input.phoneNumber.length < 6 || input.phoneNumber.length > 16) return 'INVALID PHONE NUMBER LENGTH';
  if (input.usacanPrefixCheck === 'Y' && Number(input.phoneNumber.charAt(3)) < 2) return 'INVALID PHONE NUMBER PREFIX';
  if (input.usacanAreacodeCheck === 'Y' && !(await isNorthAmericanAreaCode(ctx, input.phoneNumber.slice(0, 3)))) return 'INVALID PHONE NUMBER AREACODE';
  if (input.nanpaCheck === 'Y' && !(await onNanpaExchange(ctx, input.phoneNumber))) return 'INVALID PHONE NUMBER NANPA AREACODE PREFIX';
  return null;
}

/** The numbers a check looks for: the number, and with AREACODE its area code's whole range (`727XXXXXXX`). */
const dncNumbers = (flag: string, phoneNumber: string): string[] => (flag === 'AREACODE' ? [phoneNumber, `${phoneNumber.slice(0, 3)}XXXXXXX`] : [phoneNumber]);

async function onSystemDnc(ctx: NonAgentContext, input: Input): Promise<boolean> {
  const found = await Promise.all(dncNumbers(input.dncCheck, input.phoneNumber).map((number) => ctx.core.isDncNumber({ kind: 'system' }, number)));
  return found.includes(true);
}

/** The campaign's list, or the one it uses instead; a campaign that does not exist names its own (empty) list. */
async function onCampaignDnc(ctx: NonAgentContext, input: Input): Promise<boolean> {
  const campaignId = bytesToText(input.campaignId);
  const listOwner = (await ctx.core.getCampaign(campaignId))?.useOtherCampaignDnc || campaignId;
  const scope = { kind: 'campaign', campaignId: listOwner } as const;
  const found = await Promise.all(dncNumbers(input.campaignDncCheck, input.phoneNumber).map((number) => ctx.core.isDncNumber(scope, number)));
  return found.includes(true);
}

/**
 * One `<METHOD>: <dialable>|<gmt>#` part per time zone method named, in
 * VICIdial's order: the number's offset now by that method and whether the
 * hours (the call time's, or its state rule's for `state`) hold its local
 * time. POSTAL needs a postal code of 5 characters and TZCODE an owner of 1
 * to 6, else that part is `0|`; NANPA falls back to the area code.
 */
async function timeZoneParts(ctx: NonAgentContext, input: Input, hours: WeeklyHours): Promise<string> {
  const number: NumberToLocate = {
    phoneCode: input.phoneCode,
    phoneNumber: input.phoneNumber,
    state: bytesToText(input.state),
    postalCode: bytesToText(input.postalCode),
    owner: bytesToText(input.owner),
  };
  const zoned = async (method: TimeZoneMethod): Promise<string> => {
    const gmt = printedGmtOffset(await ctx.core.numberGmtOffset(number, method, ctx.now));
    return `${dialableAt(hours, ctx.now, gmt)}|${gmt}`;
  };
  const method = input.tzMethod.toUpperCase();
  let parts = '';
  if (method.includes('AREACODE')) parts += `AREACODE: ${await zoned('areaCode')}#`;
  if (method.includes('POSTAL')) parts += `POSTAL: ${input.postalCode.length === 5 ? await zoned('postalCode') : '0|'}#`;
  if (method.includes('TZCODE')) parts += `TZCODE: ${input.owner.length > 0 && input.owner.length < 7 ? await zoned('ownerCode') : '0|'}#`;
  if (method.includes('NANPA')) parts += `NANPA: ${await zoned('nanpaPrefix')}#`;
  return parts;
}

/**
 * check_phone_number: whether a number may be dialled now — its length,
 * North American prefix, area code and NANPA exchange, the do-not-call
 * lists asked for, then, per time zone method, the number's GMT offset (the
 * core's lookup in the phone and postal codes and NANPA prefixes kept) and
 * whether the call time (its state rule for `state`) allows it at the
 * number's local time.
 */
export const checkPhoneNumber = defineNonAgentFunction({
  name: 'check_phone_number',
  function: 'check_phone_number',
  auth: {
    allows: (user) => user.level > 7,
    // VICIdial echoes a variable this function never sets: always empty.
    denied: (user) => `ERROR: check_phone_number USER DOES NOT HAVE PERMISSION TO CHECK PHONE NUMBERS: |${user}||`,
  },
  input: readInput,
  async run(ctx, input) {
    const callTime = await callTimeNamed(ctx, input.localCallTime);
    if (!callTime) throw refuse(`ERROR: check_phone_number THIS IS NOT A VALID CALL TIME: |${ctx.user}|${input.localCallTime}|`);
    if (input.nanpaCheck === 'Y' || input.tzMethod.toUpperCase().includes('NANPA')) {
      const loaded = await nanpaDataLoaded(ctx);
      if (loaded !== true) throw refuse(`ERROR: check_phone_number NANPA options disabled, NANPA prefix data not loaded - ${loaded}|${ctx.user}`);
    }
    const invalid = await invalidNumber(ctx, input);
    if (invalid) throw refuse(`ERROR: check_phone_number ${invalid} - ${input.phoneNumber}|${ctx.user}`);
    if (dncAsked(input.dncCheck) && (await onSystemDnc(ctx, input))) {
      throw refuse(`ERROR: check_phone_number PHONE NUMBER IN DNC - ${input.phoneNumber}|${ctx.user}`);
    }
    if (dncAsked(input.campaignDncCheck) && (await onCampaignDnc(ctx, input))) {
      throw refuse(`ERROR: check_phone_number PHONE NUMBER IN CAMPAIGN DNC - ${input.phoneNumber}|${input.campaignId}|${ctx.user}`);
    }
    const { phoneNumber, phoneCode, postalCode, state, owner } = input;
    const hours = await hoursForNumber(ctx, callTime, bytesToText(state));
    return `${await timeZoneParts(ctx, input, hours)}PHONE: ${phoneNumber}|${phoneCode}|${postalCode}|${state}|${owner}|`;
  },
  render: (line) => line,
});
