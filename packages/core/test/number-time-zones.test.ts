import { inDaylightSaving, numberGmtOffset, storedGmtOffset, type NumberToLocate, type PhoneCode } from '@pbx-gateway/core';
import { createTestCore, type TestCore } from '@pbx-gateway/test-support';

// A number's GMT offset from the phone and postal codes kept, with
// VICIdial's daylight-saving range codes, on fixed dates.

const local = (text: string): Date => new Date(`${text}Z`);

describe('daylight-saving ranges (on local standard time)', () => {
  it.each([
    // US and Canada 2007+: second Sunday of March to first Sunday of November, at 2:00 (2026: March 8, November 1).
    ['SSM-FSN', '2026-03-08T01:59:59', false],
    ['SSM-FSN', '2026-03-08T02:00:00', true],
    ['SSM-FSN', '2026-07-01T12:00:00', true],
    ['SSM-FSN', '2026-11-01T01:59:59', true],
    ['SSM-FSN', '2026-11-01T02:00:00', false],
    ['SSM-FSN', '2026-12-25T12:00:00', false],
    // Europe: last Sunday of March to last Sunday of October, at 1:00 (2026: March 29, October 25).
    ['LSM-LSO', '2026-03-29T00:59:00', false],
    ['LSM-LSO', '2026-03-29T01:00:00', true],
    ['LSM-LSO', '2026-10-25T01:00:00', false],
    // Australia 2008+: first Sunday of October to first Sunday of April (2026: October 4, April 5), across the new year.
    ['FSO-FSA', '2026-01-15T12:00:00', true],
    ['FSO-FSA', '2026-04-05T01:59:00', true],
    ['FSO-FSA', '2026-04-05T02:00:00', false],
    ['FSO-FSA', '2026-07-01T12:00:00', false],
    ['FSO-FSA', '2026-10-04T00:59:00', false],
    ['FSO-FSA', '2026-10-04T01:00:00', true],
    // New Zealand 2007+: last Sunday of September (2026: September 27).
    ['LSS-FSA', '2026-09-27T01:00:00', true],
    ['LSS-FSA', '2026-09-26T12:00:00', false],
    // Older rules kept for old data: first Sunday of April to last Sunday of October.
    ['FSA-LSO', '2026-04-05T02:00:00', true],
    ['FSA-LSO', '2026-10-25T02:00:00', false],
    ['LSO-LSM', '2026-11-01T00:00:00', true],
    ['FSO-LSM', '2026-03-29T01:00:00', false],
    ['FSO-TSM', '2026-03-15T00:00:00', true],
    ['TSO-LSF', '2026-10-18T01:00:00', true],
    ['TSO-LSF', '2026-02-22T01:00:00', false],
  ] as const)('%s at %s: %s', (range, at, expected) => {
    expect(inDaylightSaving(range, local(at))).toBe(expected);
  });
});

const florida: PhoneCode = { countryCode: '1', areaCode: '727', state: 'FL', gmtOffset: -5, dst: true, dstRange: 'SSM-FSN', timeZoneCode: 'EST', country: 'USA', description: 'Tampa' };

describe('a number\'s GMT offset', () => {
  let t: TestCore;
  const zones = () => t.store.direct.timeZones;
  const number = (given: Partial<NumberToLocate>): NumberToLocate => ({ phoneCode: '1', phoneNumber: '7275551234', state: '', postalCode: '', owner: '', ...given });
  const winter = new Date('2026-01-15T17:00:00Z');
  const summer = new Date('2026-07-15T17:00:00Z');

  beforeAll(async () => {
    t = await createTestCore({});
    await zones().upsertPhoneCode(florida);
    await zones().upsertPhoneCode({ ...florida, areaCode: '602', state: 'AZ', gmtOffset: -7, dst: false, dstRange: '', timeZoneCode: 'MST' });
    await zones().upsertPhoneCode({ ...florida, countryCode: '61', areaCode: '2', state: 'NSW', gmtOffset: 10, dstRange: 'FSO-FSA', timeZoneCode: 'AEST' });
    await zones().upsertPhoneCode({ ...florida, countryCode: '61', areaCode: '8', state: 'WA', gmtOffset: 8, dst: false, dstRange: '', timeZoneCode: 'AWST' });
    await zones().upsertPhoneCode({ ...florida, countryCode: '91', areaCode: '11', state: 'DL', gmtOffset: 5.5, dst: false, dstRange: '', timeZoneCode: 'IST' });
    await zones().upsertPostalCode({ countryCode: '1', postalCode: '85001', state: 'AZ', gmtOffset: -7, dst: false, dstRange: '', country: 'USA' });
    await zones().upsertNanpaPrefix({ areaCode: '312', prefix: '555', gmtOffset: -6, dst: true, type: 'S', city: 'Chicago', state: 'IL' });
    await zones().upsertNanpaPrefix({ areaCode: '727', prefix: '556', gmtOffset: -7, dst: false, type: 'C', city: '', state: '' });
  });

  it('by area code in North America, with its daylight saving', async () => {
    expect(await numberGmtOffset(zones(), number({}), 'areaCode', winter)).toEqual({ standard: -5, dst: false, foundBy: 'areaCode' });
    expect(await numberGmtOffset(zones(), number({}), 'areaCode', summer)).toEqual({ standard: -5, dst: true, foundBy: 'areaCode' });
    expect(await numberGmtOffset(zones(), number({ phoneNumber: '6025551234' }), 'areaCode', summer)).toEqual({ standard: -7, dst: false, foundBy: 'areaCode' });
  });

  it('an area code not kept, or a country without codes: none; another country: its first code', async () => {
    expect(await numberGmtOffset(zones(), number({ phoneNumber: '9995551234' }), 'areaCode', winter)).toBeNull();
    expect(await numberGmtOffset(zones(), number({ phoneCode: '44' }), 'areaCode', winter)).toBeNull();
    expect(await numberGmtOffset(zones(), number({ phoneCode: '91', phoneNumber: '2212345678' }), 'areaCode', winter)).toMatchObject({ standard: 5.5 });
    expect(await numberGmtOffset(zones(), number({ phoneCode: '61', phoneNumber: '0312345678', state: 'VIC' }), 'areaCode', winter)).toMatchObject({ standard: 10 });
  });

  it('by state in Australia, whose summer is the northern winter', async () => {
    expect(await numberGmtOffset(zones(), number({ phoneCode: '61', phoneNumber: '0812345678', state: 'NSW' }), 'areaCode', winter)).toMatchObject({ standard: 10, dst: true });
    expect(await numberGmtOffset(zones(), number({ phoneCode: '61', phoneNumber: '0212345678', state: 'WA' }), 'areaCode', winter)).toMatchObject({ standard: 8, dst: false });
  });

  it('by postal code (country 1, by its beginning) or the owner\'s time-zone code, else by area code', async () => {
    expect(await numberGmtOffset(zones(), number({ postalCode: '85001' }), 'postalCode', summer)).toEqual({ standard: -7, dst: false, foundBy: 'postalCode' });
    expect(await numberGmtOffset(zones(), number({ postalCode: '8500' }), 'postalCode', summer)).toMatchObject({ standard: -5, foundBy: 'areaCode' });
    expect(await numberGmtOffset(zones(), number({ postalCode: '99999' }), 'postalCode', summer)).toMatchObject({ standard: -5, foundBy: 'areaCode' });
    expect(await numberGmtOffset(zones(), number({ owner: 'MST' }), 'ownerCode', summer)).toEqual({ standard: -7, dst: false, foundBy: 'ownerCode' });
    expect(await numberGmtOffset(zones(), number({ owner: 'M' }), 'ownerCode', summer)).toMatchObject({ standard: -5, dst: true, foundBy: 'areaCode' });
  });

  it('by NANPA exchange (the first six digits; daylight saving is the North American rule), else by area code', async () => {
    expect(await numberGmtOffset(zones(), number({ phoneNumber: '3125551234' }), 'nanpaPrefix', summer)).toEqual({ standard: -6, dst: true, foundBy: 'nanpaPrefix' });
    expect(await numberGmtOffset(zones(), number({ phoneNumber: '3125551234' }), 'nanpaPrefix', winter)).toEqual({ standard: -6, dst: false, foundBy: 'nanpaPrefix' });
    expect(await numberGmtOffset(zones(), number({ phoneNumber: '3125551234' }), 'areaCode', summer)).toBeNull();
    expect(await numberGmtOffset(zones(), number({ phoneNumber: '7275561234' }), 'nanpaPrefix', summer)).toEqual({ standard: -7, dst: false, foundBy: 'nanpaPrefix' });
    expect(await numberGmtOffset(zones(), number({ phoneNumber: '7275571234' }), 'nanpaPrefix', summer)).toEqual({ standard: -5, dst: true, foundBy: 'areaCode' });
    expect(await numberGmtOffset(zones(), number({ phoneNumber: '31255' }), 'nanpaPrefix', summer)).toBeNull();
  });

  it('is kept on the lead with two decimals, daylight saving included', async () => {
    expect(storedGmtOffset(await numberGmtOffset(zones(), number({}), 'areaCode', summer))).toBe('-4.00');
    expect(storedGmtOffset(await numberGmtOffset(zones(), number({ phoneCode: '91', phoneNumber: '1123456789' }), 'areaCode', summer))).toBe('5.50');
    expect(storedGmtOffset(null)).toBe('0.00');
  });
});
