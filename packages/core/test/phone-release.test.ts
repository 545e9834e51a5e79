import type { Leg } from '../src';
import { phoneReleasedBy } from '../src/calls/call-lifecycle';

const at = new Date('2026-01-01T10:00:00Z');
const leg = (overrides: Partial<Leg>): Leg => ({
  id: 'c.1',
  callId: 'c',
  role: 'agent',
  endpoint: 'PJSIP/101',
  channelName: 'PJSIP/101-00000001',
  context: 'default',
  state: 'ended',
  callerNumber: '',
  callerName: '',
  dialedNumber: '',
  account: null,
  createdAt: at,
  answeredAt: null,
  endedAt: at,
  cause: 16,
  causeText: 'Normal Clearing',
  hangupRequested: false,
  ...overrides,
});

describe('who released an agent phone', () => {
  it.each<[string, Partial<Leg>, 'agent' | 'system']>([
    ['an answered phone that hung up', { answeredAt: at, cause: 16 }, 'agent'],
    ['a ringing phone turned away as busy', { cause: 17 }, 'agent'],
    ['a ringing phone that rejected the call', { cause: 21 }, 'agent'],
    ['a phone that rang until the engine gave up (no answer)', { cause: 19 }, 'system'],
    ['a phone that rang until the engine gave up (no user responding)', { cause: 18 }, 'system'],
    ['an unreachable phone', { cause: 20 }, 'system'],
    ['a phone the gateway hung up, even answered', { answeredAt: at, hangupRequested: true }, 'system'],
  ])('%s: %s', (_name, overrides, expected) => {
    expect(phoneReleasedBy(leg(overrides))).toBe(expected);
  });
});
