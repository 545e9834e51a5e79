import { STANDARD_CALL_TIMES, type CallTime } from '@pbx-gateway/core';
import { dialableAt } from '../../src/non-agent-api/call-times';

// VICIdial's dialable check (dialable_gmt) on the call times the dialer keeps.

const standard = (id: string): CallTime => STANDARD_CALL_TIMES.find((callTime) => callTime.id === id)!;
const nineToFive = standard('9am-5pm');

test('dialable: local hhmm from the start included to the stop excluded, at the offset given (empty: GMT)', () => {
  const at = new Date('2026-07-01T13:00:00Z');
  expect(dialableAt(nineToFive, at, '-4')).toBe(1); // 09:00 local
  expect(dialableAt(nineToFive, at, '-5.00')).toBe(0); // 08:00 local
  expect(dialableAt(nineToFive, at, '4')).toBe(0); // 17:00 local
  expect(dialableAt(nineToFive, new Date('2026-07-01T12:59:00Z'), '4')).toBe(1); // 16:59 local
  expect(dialableAt(nineToFive, new Date('2026-07-01T03:30:00Z'), '5.50')).toBe(1); // 09:00 local
  expect(dialableAt(nineToFive, at, '')).toBe(1); // 13:00 GMT
  expect(dialableAt(standard('24hours'), new Date('2026-07-01T23:59:00Z'), '0.00')).toBe(1);
});

test("a day's own hours replace the default ones on that local day; the others keep the default", () => {
  const weekdays: CallTime = { id: 'weekdays', name: '', defaultHours: { start: 900, stop: 2100 }, days: { saturday: { start: 1000, stop: 1400 }, sunday: { start: 0, stop: 0 } }, stateRules: [] };
  // Wednesday 2026-07-15 20:00 local, Saturday 2026-07-18 13:00 and 15:00, Sunday 2026-07-19 12:00.
  expect(dialableAt(weekdays, new Date('2026-07-16T00:00:00Z'), '-4')).toBe(1);
  expect(dialableAt(weekdays, new Date('2026-07-18T17:00:00Z'), '-4')).toBe(1);
  expect(dialableAt(weekdays, new Date('2026-07-18T19:00:00Z'), '-4')).toBe(0);
  expect(dialableAt(weekdays, new Date('2026-07-19T16:00:00Z'), '-4')).toBe(0);
  // The local day decides: 02:00 UTC on Sunday is Saturday 22:00 in New York, past Saturday's hours.
  expect(dialableAt(weekdays, new Date('2026-07-19T02:00:00Z'), '-4')).toBe(0);
});

test('the standard call times every install has', () => {
  expect(STANDARD_CALL_TIMES.map((callTime) => [callTime.id, callTime.defaultHours.start, callTime.defaultHours.stop])).toEqual([
    ['24hours', 0, 2400],
    ['9am-9pm', 900, 2100],
    ['9am-5pm', 900, 1700],
    ['12pm-5pm', 1200, 1700],
    ['12pm-9pm', 1200, 2100],
    ['5pm-9pm', 1700, 2100],
  ]);
});
