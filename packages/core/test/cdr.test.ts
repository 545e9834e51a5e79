import { buildCdr, type CallOf, type Leg } from '../src';

const START = new Date('2024-03-01T09:00:00Z');
const at = (seconds: number): Date => new Date(START.getTime() + seconds * 1000);

function call(overrides: Partial<CallOf<'voice_menu'>> = {}): CallOf<'voice_menu'> {
  return {
    id: 'c1',
    purpose: 'voice_menu',
    progress: { stage: 'connected', transferKey: '1', groupName: 'extGroup-1', media: 'sound:ivr/menu', mediaName: 'ivr/menu', pressedKey: '1', answeredBy: 'c1.2' },
    direction: 'outbound',
    state: 'ended',
    agentId: null,
    tenant: '2028',
    fromNumber: '2120280001',
    toNumber: '85781218893',
    bridgeId: null,
    extension: '20280003',
    createdAt: START,
    answeredAt: at(13),
    endedAt: at(23),
    hangupCause: 16,
    hangupCauseText: 'Normal Clearing',
    hangupSide: 'callee',
    origin: { dialect: 'sipcall', operation: 'PlayVoice', apiUserId: 'u1' },
    data: { customuuid: '110001168' },
    ...overrides,
  };
}

function leg(id: string, role: Leg['role'], endedAfter: number | null, cause: number | null, causeText: string | null = null): Leg {
  return {
    id,
    callId: 'c1',
    role,
    endpoint: 'PJSIP/x',
    channelName: null,
    context: '',
    state: endedAfter === null ? 'up' : 'ended',
    callerNumber: '',
    callerName: '',
    dialedNumber: '',
    account: null,
    createdAt: START,
    answeredAt: null,
    endedAt: endedAfter === null ? null : at(endedAfter),
    cause,
    causeText,
    hangupRequested: false,
  };
}

describe('buildCdr', () => {
  it('copies the call and counts duration from start and billsec from answer, in whole seconds', () => {
    const cdr = buildCdr(call(), [], at(23));
    expect(cdr).toEqual({
      callId: 'c1',
      purpose: 'voice_menu',
      direction: 'outbound',
      tenant: '2028',
      agentId: null,
      fromNumber: '2120280001',
      toNumber: '85781218893',
      extension: '20280003',
      startedAt: START,
      answeredAt: at(13),
      endedAt: at(23),
      durationSec: 23,
      billsec: 10,
      hangupCause: 16,
      hangupCauseText: 'Normal Clearing',
      hangupSide: 'callee',
      recordingFile: null,
      pressedKey: '1',
      leadId: null,
      data: { customuuid: '110001168' },
    });
  });

  it('gives billsec 0 to a call never answered', () => {
    const cdr = buildCdr(call({ answeredAt: null }), [], at(14));
    expect(cdr.durationSec).toBe(14);
    expect(cdr.billsec).toBe(0);
    expect(cdr.answeredAt).toBeNull();
  });

  it('counts the seconds between the whole-second times the CDR shows, as the dialects print them', () => {
    // Answered at 13.4 s, ended at 13.95 s: the times show 09:00:13 twice, so no second of talk (rounding the span said 1).
    expect(buildCdr(call({ answeredAt: at(13.4) }), [], at(13.95))).toMatchObject({ durationSec: 13, billsec: 0 });
    // Answered at 13.9 s, ended at 14.1 s: 09:00:13 to 09:00:14 is one second (rounding the span said 0).
    expect(buildCdr(call({ answeredAt: at(13.9) }), [], at(14.1))).toMatchObject({ durationSec: 14, billsec: 1 });
  });

  it('never reports negative seconds', () => {
    const cdr = buildCdr(call({ answeredAt: at(30) }), [], at(20));
    expect(cdr.billsec).toBe(0);
  });

  it('takes the recording file from the call data', () => {
    expect(buildCdr(call({ data: { recordingFile: '1111.mp3' } }), [], at(23)).recordingFile).toBe('1111.mp3');
    expect(buildCdr(call({ data: { recordingFile: 42 } }), [], at(23)).recordingFile).toBeNull();
  });

  it('keeps the cause and side the call recorded (those of the first leg to end)', () => {
    const legs = [leg('c1.1', 'customer', 20, 16, 'Normal Clearing'), leg('c1.2', 'member', 10, 17, 'User busy')];
    const cdr = buildCdr(call({ hangupCause: 19, hangupCauseText: 'No answer', hangupSide: 'caller' }), legs, at(23));
    expect(cdr).toMatchObject({ hangupCause: 19, hangupCauseText: 'No answer', hangupSide: 'caller' });
  });

  it('falls back to the cause and text of the first leg to end when the call recorded none', () => {
    const legs = [leg('c1.1', 'customer', 20, 16, 'Normal Clearing'), leg('c1.2', 'member', 10, 17, 'User busy'), leg('c1.3', 'member', null, null)];
    const cdr = buildCdr(call({ hangupCause: null, hangupCauseText: null, hangupSide: null }), legs, at(23));
    expect(cdr).toMatchObject({ hangupCause: 17, hangupCauseText: 'User busy', hangupSide: 'system' });
  });

  it('reports cause 0 (Unknown) by the system when nothing is known', () => {
    const cdr = buildCdr(call({ hangupCause: null, hangupCauseText: null, hangupSide: null }), [], at(23));
    expect(cdr).toMatchObject({ hangupCause: 0, hangupCauseText: 'Unknown', hangupSide: 'system' });
  });
});
