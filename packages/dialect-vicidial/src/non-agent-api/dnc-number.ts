import type { DncEntry } from '@pbx-gateway/core';
import { bytesToText } from '../wire/php-params';
import { IDENTIFIER, readWith } from './params';

/** `campaign_id` naming the system list rather than a campaign's. */
const SYSTEM_LIST = 'SYSTEM_INTERNAL';
/** VICIdial's DNC tables keep 18 characters of a number. */
const NUMBER_LENGTH = 18;

/** The parameters of add_dnc_phone and delete_dnc_phone. */
export const readDncInput = readWith((params) => ({
  phoneNumber: params.read('phone_number', { keep: '0-9' }),
  campaignId: params.read('campaign_id', IDENTIFIER),
}));

export type DncInput = ReturnType<typeof readDncInput>['value'];

/** Both need a number of 6 digits or more and a list. */
export const dncInputComplete = (input: DncInput): boolean => input.phoneNumber.length >= 6 && input.campaignId.length >= 1;

/** The list entry the parameters name; the campaign is not looked up, as VICIdial does not. */
export const dncEntryOf = (input: DncInput): DncEntry => ({
  phoneNumber: input.phoneNumber.slice(0, NUMBER_LENGTH),
  scope: input.campaignId === SYSTEM_LIST ? { kind: 'system' } : { kind: 'campaign', campaignId: bytesToText(input.campaignId) },
});
