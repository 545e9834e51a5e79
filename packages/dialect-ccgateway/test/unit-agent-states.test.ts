import { legOf } from '@pbx-gateway/test-support';
import { drainEvents, putInCall, unitApp, type UnitApp } from './unit-app';
import { BASE, failure, HUAWEI_SIGN_IN_SAMPLE, SUCCESS } from './wire-client';

const AG = `${BASE}/onlineagent/101`;
const STATE_ERROR = failure('100-009', 'agent state cannot be changed');
const INVALID = failure('000-002', 'invalid parameter');
const status = (n: number): string => `{"message":"","retcode":"0","result":${n}}`;

/** Polls until the agent's queue is empty, and gives the events as `type` or `type content`. */
async function signedIn(body: Record<string, unknown> = HUAWEI_SIGN_IN_SAMPLE): Promise<UnitApp & { guid: string; post: (path: string) => Promise<string>; statusNow: () => Promise<string> }> {
  const app = await unitApp();
  const guid = await app.signIn('101', body);
  await drainEvents(app, '101', guid);
  return {
    ...app,
    guid,
    post: async (path) => (await app.http.post(`${AG}/${path}`).set('Guid', guid)).text,
    statusNow: async () => (await app.http.get(`${AG}/agentstatus`).set('Guid', guid)).text,
  };
}

/** The customer hangs up the agent's call. */
async function customerHangsUp(app: UnitApp, callId: string): Promise<void> {
  app.t.pbx.hangupFarEnd((await legOf(app.t, callId, 'customer')).id);
  await app.t.settle();
  await app.t.confirmHangups();
}

describe('CC-Gateway rest (spec §7.4, §7.5)', () => {
  test('rest: success, AgentState_SetRest_Success, status 8; cancelrest: AgentState_CancelRest_Success, AgentState_Ready', async () => {
    const app = await signedIn();
    expect(await app.post('rest/600/3')).toBe(SUCCESS);
    expect(await drainEvents(app, '101', app.guid)).toEqual(['AgentState_SetRest_Success']);
    expect(await app.statusNow()).toBe(status(8));
    expect(await app.post('cancelrest')).toBe(SUCCESS);
    expect(await drainEvents(app, '101', app.guid)).toEqual(['AgentState_CancelRest_Success', 'AgentState_Ready']);
    expect(await app.statusNow()).toBe(status(1));
  });

  test('when the rest time is over: AgentState_Rest_Timeout, and the agent goes on resting', async () => {
    const app = await signedIn();
    expect(await app.post('rest/60/0')).toBe(SUCCESS);
    await drainEvents(app, '101', app.guid);
    await app.t.advance(59_000);
    expect(await drainEvents(app, '101', app.guid)).toEqual([]);
    await app.t.advance(1_000);
    await app.t.settle();
    expect(await drainEvents(app, '101', app.guid)).toEqual(['AgentState_Rest_Timeout']);
    expect(await app.statusNow()).toBe(status(8));
  });

  test('a rest cancelled or renewed before its time is not reported for the old time', async () => {
    const app = await signedIn();
    expect(await app.post('rest/60/0')).toBe(SUCCESS);
    await app.t.advance(30_000);
    expect(await app.post('rest/120/1?prolong=true')).toBe(SUCCESS);
    expect(await drainEvents(app, '101', app.guid)).toEqual(['AgentState_SetRest_Success', 'AgentState_SetRest_Success']);
    await app.t.advance(60_000);
    await app.t.settle();
    expect(await drainEvents(app, '101', app.guid)).toEqual([]);
    await app.t.advance(60_000);
    await app.t.settle();
    expect(await drainEvents(app, '101', app.guid)).toEqual(['AgentState_Rest_Timeout']);
    expect(await app.post('cancelrest')).toBe(SUCCESS);
    await app.t.advance(200_000);
    await app.t.settle();
    expect(await drainEvents(app, '101', app.guid)).toEqual(['AgentState_CancelRest_Success', 'AgentState_Ready']);
  });

  test('100-009: resting again without prolong; cancelrest of an agent not resting (idle or busy)', async () => {
    const app = await signedIn();
    expect(await app.post('cancelrest')).toBe(STATE_ERROR);
    expect(await app.post('rest/60/0')).toBe(SUCCESS);
    expect(await app.post('rest/60/0')).toBe(STATE_ERROR);
    expect(await app.post('rest/60/0?prolong=false')).toBe(STATE_ERROR);
    expect(await app.post('cancelrest')).toBe(SUCCESS);
    expect(await app.post('saybusy?reason=200')).toBe(SUCCESS);
    expect(await app.post('cancelrest')).toBe(STATE_ERROR);
  });

  test('a busy agent may turn to rest', async () => {
    const app = await signedIn();
    expect(await app.post('saybusy?reason=200')).toBe(SUCCESS);
    expect(await app.post('rest/300/2')).toBe(SUCCESS);
    expect(await drainEvents(app, '101', app.guid)).toEqual(['AgentState_SetNotReady_Success {"reason":"200"}', 'AgentState_SetRest_Success']);
    expect(await app.statusNow()).toBe(status(8));
    expect(await app.post('cancelbusy')).toBe(STATE_ERROR);
  });

  test('an agent paused through another dialect is busy here: cancelrest 100-009, status 7', async () => {
    const app = await signedIn();
    await app.t.core.pauseAgent({ agentId: '101', reason: 'LUNCH' });
    expect(await drainEvents(app, '101', app.guid)).toEqual(['AgentState_SetNotReady_Success {"reason":"0"}']);
    expect(await app.statusNow()).toBe(status(7));
    expect(await app.post('cancelrest')).toBe(STATE_ERROR);
  });

  test('rest during a call begins when the call ends: the success event comes then, and the time runs from then', async () => {
    const app = await signedIn();
    const { callId } = await putInCall(app.t);
    await drainEvents(app, '101', app.guid);
    expect(await app.post('rest/60/5')).toBe(SUCCESS);
    expect(await app.statusNow()).toBe(status(5));
    await app.t.advance(45_000);
    await customerHangsUp(app, callId);
    const events = await drainEvents(app, '101', app.guid);
    expect(events.at(-1)).toBe('AgentState_SetRest_Success');
    expect(events).not.toContain('AgentState_Ready');
    await app.t.advance(45_000);
    await app.t.settle();
    expect(await drainEvents(app, '101', app.guid)).toEqual([]);
    await app.t.advance(15_000);
    await app.t.settle();
    expect(await drainEvents(app, '101', app.guid)).toEqual(['AgentState_Rest_Timeout']);
  });

  test.each(['rest/0/0', 'rest/86400/0', 'rest/abc/0', 'rest/60/256', 'rest/60/-1', 'rest/60/x', 'rest/60/0?prolong=yes'])('%s: 000-002', async (path) => {
    const app = await signedIn();
    expect(await app.post(path)).toBe(INVALID);
  });
});

describe('CC-Gateway wrap-up (spec §7.6)', () => {
  test('work: AgentState_SetWork_Success, AgentState_Work, status 6; cancelwork: AgentState_CancelWork_Success, AgentState_Ready', async () => {
    const app = await signedIn();
    expect(await app.post('work')).toBe(SUCCESS);
    expect(await drainEvents(app, '101', app.guid)).toEqual(['AgentState_SetWork_Success', 'AgentState_Work']);
    expect(await app.statusNow()).toBe(status(6));
    expect(await app.post('cancelwork')).toBe(SUCCESS);
    expect(await drainEvents(app, '101', app.guid)).toEqual(['AgentState_CancelWork_Success', 'AgentState_Ready']);
    expect(await app.statusNow()).toBe(status(1));
  });

  test('100-009: work while in wrap-up; cancelwork of an agent not in wrap-up', async () => {
    const app = await signedIn();
    expect(await app.post('cancelwork')).toBe(STATE_ERROR);
    expect(await app.post('work')).toBe(SUCCESS);
    expect(await app.post('work')).toBe(STATE_ERROR);
    expect(await app.post('sayfree')).toBe(SUCCESS);
    expect(await app.post('saybusy')).toBe(SUCCESS);
    expect(await app.post('cancelwork')).toBe(STATE_ERROR);
  });

  test('work from busy or rest leaves it for wrap-up', async () => {
    const app = await signedIn();
    expect(await app.post('rest/60/0')).toBe(SUCCESS);
    expect(await app.post('work')).toBe(SUCCESS);
    expect(await drainEvents(app, '101', app.guid)).toEqual(['AgentState_SetRest_Success', 'AgentState_SetWork_Success', 'AgentState_Work']);
    await app.t.advance(60_000);
    await app.t.settle();
    expect(await drainEvents(app, '101', app.guid)).toEqual([]);
  });

  test('work during a call: wrap-up when the call ends, once', async () => {
    const app = await signedIn();
    const first = await putInCall(app.t);
    await drainEvents(app, '101', app.guid);
    expect(await app.post('work')).toBe(SUCCESS);
    expect(await app.statusNow()).toBe(status(5));
    await customerHangsUp(app, first.callId);
    expect((await drainEvents(app, '101', app.guid)).slice(-2)).toEqual(['AgentState_SetWork_Success', 'AgentState_Work']);
    expect(await app.statusNow()).toBe(status(6));
    expect(await app.post('cancelwork')).toBe(SUCCESS);
    const second = await putInCall(app.t);
    await customerHangsUp(app, second.callId);
    expect(await app.statusNow()).toBe(status(1));
  });
});

describe('CC-Gateway autoanswer and autoenteridle (spec §7.8, §7.9)', () => {
  test.each([
    ['true', true],
    ['false', false],
    ['TRUE', true],
  ])('autoanswer/%s: success, no event', async (flag, value) => {
    const app = await signedIn({ ...HUAWEI_SIGN_IN_SAMPLE, autoanswer: !value });
    expect(await app.post(`autoanswer/${flag}`)).toBe(SUCCESS);
    expect(await app.t.core.getAgentSession('101')).toMatchObject({ autoAnswer: value, answerOnRequest: !value });
    expect(await drainEvents(app, '101', app.guid)).toEqual([]);
  });

  test.each(['yes', '1', 'truee'])('autoanswer/%s: 000-002', async (flag) => {
    const app = await signedIn();
    expect(await app.post(`autoanswer/${flag}`)).toBe(INVALID);
  });

  test('autoenteridle/false: the next call ends in wrap-up; autoenteridle/true: back to idle', async () => {
    const app = await signedIn();
    expect(await app.post('autoenteridle/false')).toBe(SUCCESS);
    expect(await drainEvents(app, '101', app.guid)).toEqual([]);
    const first = await putInCall(app.t);
    await customerHangsUp(app, first.callId);
    expect(await app.statusNow()).toBe(status(6));
    expect((await drainEvents(app, '101', app.guid)).at(-1)).toBe('AgentState_Work');
    expect(await app.post('autoenteridle/TRUE')).toBe(SUCCESS);
    expect(await app.post('cancelwork')).toBe(SUCCESS);
    const second = await putInCall(app.t);
    await customerHangsUp(app, second.callId);
    expect(await app.statusNow()).toBe(status(1));
  });

  test.each(['0', 'no', 'abcde'])('autoenteridle/%s (any other 1–5 characters): wrap-up after calls', async (flag) => {
    const app = await signedIn();
    expect(await app.post(`autoenteridle/${flag}`)).toBe(SUCCESS);
    expect((await app.t.core.getAgentSession('101'))?.afterCall).toBe('wrap_up');
  });

  test('autoenteridle with more than 5 characters: 000-002', async () => {
    const app = await signedIn();
    expect(await app.post('autoenteridle/abcdef')).toBe(INVALID);
  });
});

describe('CC-Gateway agent states without a session', () => {
  test.each(['rest/60/0', 'cancelrest', 'work', 'cancelwork', 'autoanswer/true', 'autoenteridle/true'])('%s: 100-006 without a GUID', async (path) => {
    const { http } = await unitApp();
    expect((await http.post(`${AG}/${path}`)).text).toBe(failure('100-006', 'agent not signed in'));
  });
});
