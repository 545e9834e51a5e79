import type { CallTime, PhoneCode, PostalCode } from '@pbx-gateway/core';
import type { AdminRoute } from '../admin-route';
import { bool, objectSchema, text } from '../admin-schemas';
import { provisionedRoutes } from './provisioned-resource';

const number = { type: 'number' } as const;
const digits = (max: number) => ({ type: 'string', pattern: `^[0-9]{1,${max}}$` }) as const;
const region = { type: 'string', pattern: '^[A-Za-z0-9]{1,4}$' } as const;

export const phoneCodeSchema = objectSchema({
  countryCode: text,
  areaCode: text,
  state: text,
  gmtOffset: number,
  dst: bool,
  dstRange: text,
  timeZoneCode: text,
  country: text,
  description: text,
});

const hours = objectSchema({ start: { type: 'integer' }, stop: { type: 'integer' } });
export const callTimeSchema = objectSchema({ id: text, name: text, defaultHours: hours, days: { type: 'object', additionalProperties: hours } });

export const postalCodeSchema = objectSchema({ countryCode: text, postalCode: text, state: text, gmtOffset: number, dst: bool, dstRange: text, country: text });

interface PhoneCodeKey {
  countryCode: string;
  areaCode: string;
  state: string;
}

interface PostalCodeKey {
  countryCode: string;
  postalCode: string;
}

/** The phone and postal codes numbers' time zones are looked up in, and the call times: provisioning's `phoneCodes:`, `postalCodes:` and `callTimes:`. */
export const timeZoneRoutes: readonly AdminRoute[] = [
  ...provisionedRoutes<PhoneCodeKey, PhoneCode, PhoneCode>({
    tag: 'time zones',
    collection: '/phone-codes',
    singular: 'phoneCode',
    plural: 'phoneCodes',
    keyParams: { countryCode: digits(4), areaCode: digits(6), state: region },
    keyOf: (params) => ({ countryCode: String(params.countryCode), areaCode: String(params.areaCode), state: String(params.state) }),
    section: 'phoneCodes',
    keyFields: ['countryCode', 'areaCode', 'state'],
    entryOf: (key, body) => ({ ...body, ...key }),
    list: ({ store }, page) => store.direct.timeZones.listPhoneCodes(page),
    get: ({ store }, key) => store.direct.timeZones.getPhoneCode(key.countryCode, key.areaCode, key.state),
    view: (code) => ({ ...code }),
    viewSchema: phoneCodeSchema,
    notFoundCode: 'NOT_FOUND',
  }),
  ...provisionedRoutes<PostalCodeKey, PostalCode, PostalCode>({
    tag: 'time zones',
    collection: '/postal-codes',
    singular: 'postalCode',
    plural: 'postalCodes',
    keyParams: { countryCode: digits(4), postalCode: { type: 'string', pattern: '^[0-9A-Za-z]{1,10}$' } },
    keyOf: (params) => ({ countryCode: String(params.countryCode), postalCode: String(params.postalCode) }),
    section: 'postalCodes',
    keyFields: ['countryCode', 'postalCode'],
    entryOf: (key, body) => ({ ...body, ...key }),
    list: ({ store }, page) => store.direct.timeZones.listPostalCodes(page),
    get: ({ store }, key) => store.direct.timeZones.getPostalCode(key.countryCode, key.postalCode),
    view: (code) => ({ ...code }),
    viewSchema: postalCodeSchema,
    notFoundCode: 'NOT_FOUND',
  }),
  ...provisionedRoutes<{ callTimeId: string }, CallTime, CallTime>({
    tag: 'time zones',
    collection: '/call-times',
    singular: 'callTime',
    plural: 'callTimes',
    keyParams: { callTimeId: { type: 'string', pattern: '^[A-Za-z0-9_-]{2,10}$' } },
    keyOf: (params) => ({ callTimeId: String(params.callTimeId) }),
    section: 'callTimes',
    keyFields: ['id'],
    entryOf: (key, body) => ({ ...body, id: key.callTimeId }),
    list: ({ store }, page) => store.direct.callTimes.list(page),
    get: ({ store }, key) => store.direct.callTimes.get(key.callTimeId),
    view: (callTime) => ({ ...callTime, days: { ...callTime.days } }),
    viewSchema: callTimeSchema,
    notFoundCode: 'NOT_FOUND',
  }),
];
