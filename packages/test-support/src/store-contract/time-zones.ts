/// <reference types="jest" />
import type { PhoneCode } from '@pbx-gateway/core';
import { freshStore, type MakeStore } from './contract-store';

const code = (countryCode: string, areaCode: string, state: string, overrides: Partial<PhoneCode> = {}): PhoneCode => ({
  countryCode,
  areaCode,
  state,
  gmtOffset: -5,
  dst: true,
  dstRange: 'SSM-FSN',
  timeZoneCode: 'EST',
  country: 'USA',
  description: '',
  ...overrides,
});

export function timeZoneContract(makeStore: MakeStore): void {
  describe('phone and postal codes', () => {
    const store = freshStore(makeStore);

    it('finds phone codes by what is given, by area code then state; a code is replaced by its key', async () => {
      const zones = store().direct.timeZones;
      await zones.upsertPhoneCode(code('1', '727', 'FL'));
      await zones.upsertPhoneCode(code('1', '213', 'CA', { gmtOffset: -8, timeZoneCode: 'PST' }));
      await zones.upsertPhoneCode(code('61', '2', 'NSW', { gmtOffset: 10, dstRange: 'FSO-FSA', timeZoneCode: 'AEST' }));
      await zones.upsertPhoneCode(code('61', '2', 'ACT', { gmtOffset: 10, dstRange: 'FSO-FSA', timeZoneCode: 'AEST' }));
      await zones.upsertPhoneCode(code('91', '11', 'DL', { gmtOffset: 5.5, dst: false, dstRange: '', timeZoneCode: 'IST' }));
      await zones.upsertPhoneCode(code('1', '727', 'FL', { description: 'Tampa' }));
      expect(await zones.findPhoneCodes({ countryCode: '1', areaCode: '727' })).toEqual([code('1', '727', 'FL', { description: 'Tampa' })]);
      expect((await zones.findPhoneCodes({ countryCode: '1' })).map((found) => found.areaCode)).toEqual(['213', '727']);
      expect((await zones.findPhoneCodes({ countryCode: '61' })).map((found) => found.state)).toEqual(['ACT', 'NSW']);
      expect((await zones.findPhoneCodes({ countryCode: '61', state: 'NSW' })).map((found) => found.state)).toEqual(['NSW']);
      expect((await zones.findPhoneCodes({ countryCode: '1', timeZoneCode: 'PST' })).map((found) => found.areaCode)).toEqual(['213']);
      expect(await zones.findPhoneCodes({ countryCode: '44' })).toEqual([]);
      expect(await zones.getPhoneCode('91', '11', 'DL')).toEqual(code('91', '11', 'DL', { gmtOffset: 5.5, dst: false, dstRange: '', timeZoneCode: 'IST' }));
      expect(await zones.getPhoneCode('91', '11', 'MH')).toBeNull();
      expect((await zones.listPhoneCodes({ offset: 1, limit: 2 })).map((found) => `${found.countryCode}/${found.areaCode}`)).toEqual(['1/727', '61/2']);
    });

    it('finds the first postal code that begins with the one given, its wildcards read as text', async () => {
      const zones = store().direct.timeZones;
      const postal = { countryCode: '1', state: 'FL', gmtOffset: -5, dst: true, dstRange: 'SSM-FSN', country: 'USA' };
      await zones.upsertPostalCode({ ...postal, postalCode: '33702' });
      await zones.upsertPostalCode({ ...postal, postalCode: '33701' });
      await zones.upsertPostalCode({ ...postal, postalCode: '3370X' });
      expect((await zones.findPostalCode('1', '3370'))?.postalCode).toBe('33701');
      expect((await zones.findPostalCode('1', '33702'))?.postalCode).toBe('33702');
      expect(await zones.findPostalCode('1', '3370_')).toBeNull();
      expect(await zones.findPostalCode('1', '%')).toBeNull();
      expect(await zones.findPostalCode('52', '33701')).toBeNull();
      expect(await zones.getPostalCode('1', '33701')).toEqual({ ...postal, postalCode: '33701' });
      expect((await zones.listPostalCodes({ offset: 0, limit: 10 })).map((found) => found.postalCode)).toEqual(['33701', '33702', '3370X']);
    });
  });
}
