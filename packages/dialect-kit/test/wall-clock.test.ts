import { localDateTime, wallClock } from '../src/wall-clock';

/** The wall clock as Intl shows it, formatted afresh every time. */
function expected(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const part = (type: string): string => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`;
}

describe('wallClock', () => {
  it('reads every moment of a second as that second, in each time zone asked for', () => {
    const zones = ['America/New_York', 'Asia/Kolkata', 'UTC', 'Australia/Lord_Howe'];
    const start = Date.UTC(2026, 2, 8, 6, 59, 58); // two seconds before New York's clocks go forward
    for (let ms = 0; ms < 5000; ms += 125) {
      for (const zone of zones) {
        const at = new Date(start + ms);
        expect(localDateTime(at, zone)).toBe(expected(at, zone));
      }
    }
  });

  it('follows the clock back across the end of daylight saving time', () => {
    const zone = 'America/New_York';
    const start = Date.UTC(2026, 10, 1, 5, 59, 55);
    const seen: string[] = [];
    for (let s = 0; s < 10; s += 1) {
      const at = new Date(start + s * 1000 + 999);
      seen.push(localDateTime(at, zone));
      expect(seen[s]).toBe(expected(at, zone));
    }
    expect(seen).toContain('2026-11-01 01:59:59');
    expect(seen).toContain('2026-11-01 01:00:00');
  });

  it('gives the same answer for moments far apart, before 1970 included, asked for in any order', () => {
    const zone = 'Europe/Paris';
    const moments = [-86_400_500, 0, 1_700_000_000_123, -1, 1_183_000_000_000, 1_700_000_000_999, -86_400_500];
    for (let round = 0; round < 3; round += 1) {
      for (const ms of moments) expect(localDateTime(new Date(ms), zone)).toBe(expected(new Date(ms), zone));
    }
  });

  it('hands out values a caller may change without changing what others are told', () => {
    const at = new Date(Date.UTC(2026, 0, 15, 12, 0, 0));
    const first = wallClock(at, 'UTC');
    first.hour = 99;
    expect(wallClock(at, 'UTC').hour).toBe(12);
  });

  it('still refuses an invalid date', () => {
    expect(() => wallClock(new Date(Number.NaN), 'UTC')).toThrow(RangeError);
  });
});
