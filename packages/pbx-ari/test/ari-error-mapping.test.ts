import { PbxFailure } from '@pbx-gateway/core';
import { engineMessage, failureFromAriResponse, RequestNotAnswered, unavailableFailure } from '../src/ari-error-mapping';

describe('ARI error mapping', () => {
  it.each([
    [404, '{"message":"Channel not found"}', 'not_found', 'Channel not found'],
    [409, '{"message":"Channel not in Stasis application"}', 'conflict', 'Channel not in Stasis application'],
    [412, '{"message":"Channel in invalid state"}', 'invalid_state', 'Channel in invalid state'],
    [400, '{"message":"Invalid endpoint specified"}', 'rejected', 'Invalid endpoint specified'],
    [422, '{"message":"Channel not in this bridge"}', 'rejected', 'Channel not in this bridge'],
    [500, '{"error":"Allocation failed"}', 'rejected', 'Allocation failed'],
    [500, '{"message":"Unable to create bridge. Possible duplicate bridge id \'(null)\'"}', 'rejected', 'Unable to create bridge'],
    [401, '{"message":"Authentication required"}', 'rejected', 'Authentication required'],
    [503, '', 'rejected', 'HTTP 503'],
  ])('maps HTTP %i %s to %s', (status, body, kind, words) => {
    const failure = failureFromAriResponse(status, body, 'channels.originate');
    expect(failure).toBeInstanceOf(PbxFailure);
    expect(failure.kind).toBe(kind);
    expect(failure.status).toBe(status);
    expect(failure.message).toContain('channels.originate');
    expect(failure.message).toContain(words);
  });

  it('keeps a body that is not JSON as the reason', () => {
    expect(engineMessage('Service Temporarily Unavailable')).toBe('Service Temporarily Unavailable');
    expect(engineMessage('  ')).toBeNull();
    expect(engineMessage('{"other":1}')).toBe('{"other":1}');
  });

  it('reports network trouble as unavailable, without a status', () => {
    const timeout = unavailableFailure('playbacks.get', 'no answer within 5000 ms');
    const reset = new RequestNotAnswered('channels.hangup', 'ECONNRESET (socket hang up)');
    for (const failure of [timeout, reset]) {
      expect(failure).toBeInstanceOf(PbxFailure);
      expect(failure.kind).toBe('unavailable');
      expect(failure.status).toBeNull();
    }
    expect(reset.message).toBe('channels.hangup: ECONNRESET (socket hang up)');
  });
});
