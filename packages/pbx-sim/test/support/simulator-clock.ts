/**
 * The in-process simulator's timers and clock, faked for the tests of one
 * describe block that call the returned function: time moves only when the
 * test says (jest.advanceTimersByTime), so lengths and timeouts are checked
 * exactly whatever the machine's load. I/O turns stay real, so requests and
 * events still flow. Each test gets the real clock back when it ends.
 */
export function simulatorClock(): () => void {
  afterEach(() => {
    jest.useRealTimers();
  });
  return () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'queueMicrotask', 'hrtime', 'performance'] });
  };
}
