import { ReconnectBackoff } from '../src/reconnect-backoff';

describe('reconnect backoff', () => {
  it('doubles from the initial delay up to the cap, with the jitter at its middle', () => {
    const backoff = new ReconnectBackoff(100, 1000, () => 0.5);
    expect([1, 2, 3, 4, 5, 6].map(() => backoff.nextDelayMs())).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('spreads each delay over ±20 % and never exceeds the cap', () => {
    const low = new ReconnectBackoff(100, 1000, () => 0);
    const high = new ReconnectBackoff(100, 1000, () => 0.999999);
    expect([low.nextDelayMs(), low.nextDelayMs()]).toEqual([80, 160]);
    expect([high.nextDelayMs(), high.nextDelayMs()]).toEqual([120, 240]);
    for (let i = 0; i < 10; i += 1) expect(high.nextDelayMs()).toBeLessThanOrEqual(1000);
  });

  it('starts again from the initial delay after a reset', () => {
    const backoff = new ReconnectBackoff(50, 800, () => 0.5);
    backoff.nextDelayMs();
    backoff.nextDelayMs();
    backoff.reset();
    expect(backoff.nextDelayMs()).toBe(50);
  });

  it('refuses delays that cannot work', () => {
    expect(() => new ReconnectBackoff(0, 100)).toThrow(RangeError);
    expect(() => new ReconnectBackoff(200, 100)).toThrow(RangeError);
  });
});
