import { DomainError, DomainErrorCodes } from '@pbx-gateway/core';
import { mappingFor, RETCODE_MESSAGES } from '../src';
import { wireErrorFor } from '../src/routes';
import { OPERATIONS } from '../src/routes';

describe('CC-Gateway DomainError mapping', () => {
  test('every code of the taxonomy maps, for every interface, to a retcode with a message', () => {
    for (const operation of OPERATIONS) {
      for (const code of DomainErrorCodes) {
        const retcode = mappingFor(code, operation.name);
        expect(RETCODE_MESSAGES[retcode]).toEqual(expect.any(String));
      }
    }
  });

  test.each([
    ['AGENT_ALREADY_LOGGED_IN', 'login', '100-002'],
    ['AGENT_ALREADY_LOGGED_IN', 'forceLogin', '100-015'],
    ['AUTH_FAILED', 'login', '100-004'],
    ['AGENT_NOT_FOUND', 'forceLogin', '100-004'],
    ['AUTH_LOCKED', 'login', '110-016'],
    ['PBX_UNAVAILABLE', 'login', '100-003'],
    ['PBX_UNAVAILABLE', 'beginPlay', '100-007'],
    ['AGENT_BUSY', 'logout', '100-010'],
    ['AGENT_BUSY', 'beginPlay', '500-007'],
    ['AGENT_BUSY', 'sayBusy', '100-009'],
    ['PLAYBACK_ALREADY_ACTIVE', 'beginPlay', '500-007'],
    ['NO_ACTIVE_PLAYBACK', 'stopPlay', '500-009'],
    ['PLAYBACK_NOT_PLAYING', 'pausePlay', '500-003'],
    ['PLAYBACK_NOT_PAUSED', 'resumePlay', '500-005'],
    ['PLAYBACK_NOT_PLAYING', 'foreFastPlay', '500-002'],
    ['PLAYBACK_NOT_PLAYING', 'backFastPlay', '500-001'],
    ['MEDIA_NOT_ALLOWED', 'beginPlay', '000-002'],
    ['AGENT_NOT_LOGGED_IN', 'getAgentEvent', '100-006'],
    ['PERMISSION_DENIED', 'beginPlay', '000-003'],
    ['INVALID_ARGUMENT', 'login', '100-011'],
  ] as const)('%s on %s → %s', (code, operation, retcode) => {
    expect(mappingFor(code, operation)).toBe(retcode);
  });

  test('anything that is not a DomainError is an internal error', () => {
    expect(wireErrorFor(new Error('boom'), 'beginPlay')).toEqual({ retcode: '100-007', message: 'internal error while executing the agent operation' });
    expect(wireErrorFor('text', 'login')).toEqual({ retcode: '100-007', message: 'internal error while executing the agent operation' });
    expect(wireErrorFor(new DomainError('NO_ACTIVE_PLAYBACK'), 'stopPlay')).toEqual({ retcode: '500-009', message: 'no playback to stop' });
  });
});
