import type { CallTime, NanpaPrefix, PhoneCode, PostalCode, StateCallTime } from '@pbx-gateway/core';
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
const weekDays = { type: 'object', additionalProperties: hours } as const;
export const callTimeSchema = objectSchema({ id: text, name: text, defaultHours: hours, days: weekDays, stateRules: { type: 'array', items: text } });
export const stateCallTimeSchema = objectSchema({ id: text, state: text, name: text, defaultHours: hours, days: weekDays });
export const nanpaPrefixSchema = objectSchema({ areaCode: text, prefix: text, gmtOffset: number, dst: bool, type: text, city: text, state: text });

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

/** The phone and postal codes and NANPA prefixes numbers' time zones are looked up in, and the call times and state call times: provisioning's `phoneCodes:`, `postalCodes:`, `nanpaPrefixes:`, `callTimes:` and `stateCallTimes:`. */
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
    view: (callTime) => ({ ...callTime, days: { ...callTime.days }, stateRules: [...callTime.stateRules] }),
    viewSchema: callTimeSchema,
    notFoundCode: 'NOT_FOUND',
  }),
  ...provisionedRoutes<{ stateCallTimeId: string }, StateCallTime, StateCallTime>({
    tag: 'time zones',
    collection: '/state-call-times',
    singular: 'stateCallTime',
    plural: 'stateCallTimes',
    keyParams: { stateCallTimeId: { type: 'string', pattern: '^[A-Za-z0-9_-]{2,10}$' } },
    keyOf: (params) => ({ stateCallTimeId: String(params.stateCallTimeId) }),
    section: 'stateCallTimes',
    keyFields: ['id'],
    entryOf: (key, body) => ({ ...body, id: key.stateCallTimeId }),
    list: ({ store }, page) => store.direct.callTimes.listStateCallTimes(page),
    get: async ({ store }, key) => (await store.direct.callTimes.getStateCallTimes([key.stateCallTimeId]))[0] ?? null,
    view: (rule) => ({ ...rule, days: { ...rule.days } }),
    viewSchema: stateCallTimeSchema,
    notFoundCode: 'NOT_FOUND',
  }),
  ...provisionedRoutes<{ areaCode: string; prefix: string }, NanpaPrefix, NanpaPrefix>({
    tag: 'time zones',
    collection: '/nanpa-prefixes',
    singular: 'nanpaPrefix',
    plural: 'nanpaPrefixes',
    keyParams: { areaCode: { type: 'string', pattern: '^[0-9]{3}$' }, prefix: { type: 'string', pattern: '^[0-9]{3}$' } },
    keyOf: (params) => ({ areaCode: String(params.areaCode), prefix: String(params.prefix) }),
    section: 'nanpaPrefixes',
    keyFields: ['areaCode', 'prefix'],
    entryOf: (key, body) => ({ ...body, ...key }),
    list: ({ store }, page) => store.direct.timeZones.listNanpaPrefixes(page),
    get: ({ store }, key) => store.direct.timeZones.getNanpaPrefix(key.areaCode, key.prefix),
    view: (code) => ({ ...code }),
    viewSchema: nanpaPrefixSchema,
    notFoundCode: 'NOT_FOUND',
  }),
];
