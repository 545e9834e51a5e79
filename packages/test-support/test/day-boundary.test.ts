import { clearOfDayEnd, msToDayEnd } from '../src/day-boundary';

const at = (iso: string): number => Date.parse(iso);

test('the time left of the day, on the wall clock of the zone asked', () => {
  expect(msToDayEnd(at('2026-12-07T23:59:30.250Z'), 'UTC')).toBe(29_750);
  expect(msToDayEnd(at('2026-12-07T00:00:00.000Z'), 'UTC')).toBe(86_400_000);
  // Shanghai is eight hours ahead: its midnight is 16:00 UTC.
  expect(msToDayEnd(at('2026-12-07T15:59:00.000Z'), 'Asia/Shanghai')).toBe(60_000);
  expect(msToDayEnd(at('2026-12-07T16:00:01.000Z'), 'Asia/Shanghai')).toBe(86_399_000);
});

test('returns at once when the day does not end within the margin', async () => {
  const started = Date.now();
  await clearOfDayEnd('UTC', 120_000, () => at('2026-12-07T12:00:00.000Z'));
  expect(Date.now() - started).toBeLessThan(100);
});

test('waits until a second past the end of a day that ends within the margin', async () => {
  const started = Date.now();
  await clearOfDayEnd('UTC', 120_000, () => at('2026-12-07T23:59:59.700Z'));
  expect(Date.now() - started).toBeGreaterThanOrEqual(1_250);
});
