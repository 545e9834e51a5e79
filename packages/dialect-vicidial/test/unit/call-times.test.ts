import { dialableAt, INSTALLED_CALL_TIMES, listCallTimeExists } from '../../src/non-agent-api/call-times';

// The call times check_phone_number, add_list and update_list work with.

const nineToFive = INSTALLED_CALL_TIMES.get('9am-5pm')!;

test('dialable: local hhmm from the start included to the stop excluded, at the offset given', () => {
  const at = new Date('2026-07-01T13:00:00Z');
  expect(dialableAt(nineToFive, at, '-4')).toBe(1); // 09:00 local
  expect(dialableAt(nineToFive, at, '-5.00')).toBe(0); // 08:00 local
  expect(dialableAt(nineToFive, at, '4')).toBe(0); // 17:00 local
  expect(dialableAt(nineToFive, new Date('2026-07-01T12:59:00Z'), '4')).toBe(1); // 16:59 local
  expect(dialableAt(nineToFive, new Date('2026-07-01T03:30:00Z'), '5.50')).toBe(1); // 09:00 local
  expect(dialableAt(INSTALLED_CALL_TIMES.get('24hours')!, new Date('2026-07-01T23:59:00Z'), '0.00')).toBe(1);
});

test("a list's call time: campaign or one of VICIdial's installed ones", () => {
  expect([...INSTALLED_CALL_TIMES.keys()]).toEqual(['24hours', '9am-9pm', '9am-5pm', '12pm-5pm', '12pm-9pm', '5pm-9pm']);
  expect(listCallTimeExists('campaign')).toBe(true);
  expect(listCallTimeExists('12pm-5pm')).toBe(true);
  expect(listCallTimeExists('24HOURS')).toBe(false);
  expect(listCallTimeExists('')).toBe(false);
});
