import type { AgentSession } from '@pbx-gateway/core';
import { vicidialStatusOf } from '../../src/wire/agent-status';

const session = (state: AgentSession['state'], blended: boolean): AgentSession => ({ state, blended }) as AgentSession;

describe('the VICIdial status of a session', () => {
  it('READY for a blended agent waiting, CLOSER for an inbound-only one', () => {
    expect(vicidialStatusOf(session('ready', true))).toBe('READY');
    expect(vicidialStatusOf(session('ready', false))).toBe('CLOSER');
  });

  it('INCALL in a call, PAUSED when paused or in after-call work (VICIdial stores DISPO as PAUSED), blended or not', () => {
    for (const blended of [true, false]) {
      expect(vicidialStatusOf(session('in_call', blended))).toBe('INCALL');
      expect(vicidialStatusOf(session('paused', blended))).toBe('PAUSED');
      expect(vicidialStatusOf(session('wrap_up', blended))).toBe('PAUSED');
    }
  });
});
