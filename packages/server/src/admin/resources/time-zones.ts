import type { PhoneCode, PostalCode } from '@pbx-gateway/core';
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

/** The phone and postal codes numbers' time zones are looked up in: provisioning's `phoneCodes:` and `postalCodes:`. */
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
];
