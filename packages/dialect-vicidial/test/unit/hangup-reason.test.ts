import { hangupReasonOf } from '../../src/wire/hangup-reason';

// phone_number_log's hangup_reason: who ended the call, the customer or the agent.

test.each([
  ['outbound', 'callee', 'CALLER'],
  ['outbound', 'caller', 'AGENT'],
  ['outbound', 'system', 'AGENT'],
  ['inbound', 'caller', 'CALLER'],
  ['inbound', 'callee', 'AGENT'],
  ['inbound', 'system', 'AGENT'],
] as const)('a call %s ended by the %s side: %s', (direction, hangupSide, reason) => {
  expect(hangupReasonOf({ direction, hangupSide })).toBe(reason);
});

test('a call still up: empty', () => {
  expect(hangupReasonOf(null)).toBe('');
});
