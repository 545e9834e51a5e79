import type { JsonValue } from '@pbx-gateway/core';
import { putInCall, unitApp } from './unit-app';
import { failure, SUCCESS } from './wire-client';

const QC = '/agentgateway/resource/qualitycontrol/103';
const INSPECTOR_SIGN_IN = { password: '', phonenum: '40103' };

/** Agent 101 signed in, inspector 103 signed in; the mailboxes emptied of their sign-in events. */
async function inspectorAndAgent(opts: { agentInCall: boolean }) {
  const app = await unitApp();
  await app.signIn('101');
  const inspectorGuid = await app.signIn('103', INSPECTOR_SIGN_IN);
  if (opts.agentInCall) await putInCall(app.t, '101');
  await app.t.settle();
  const drained = new Map<string, number>([
    ['101', app.t.store.mailboxMessages('101', 'ccgateway').length],
    ['103', app.t.store.mailboxMessages('103', 'ccgateway').length],
  ]);
  /** The event types queued for an agent since the set-up. */
  const eventsOf = (agentId: string): string[] =>
    app.t.store
      .mailboxMessages(agentId, 'ccgateway')
      .slice(drained.get(agentId) ?? 0)
      .map((message: JsonValue) => String((message as { eventType?: unknown }).eventType));
  app.t.pbx.clearCommands();
  return { ...app, inspectorGuid, eventsOf };
}

describe('CC-Gateway quality control (wire format, test core)', () => {
  test.each([
    ['PUT', 'addsupervise/101', 'spy=both whisper=none'],
    ['PUT', 'addinsert/101', 'spy=both whisper=both'],
    ['POST', 'requestwhisperagent?whisperagentid=101', 'spy=both whisper=out'],
  ])("%s %s rings the inspector's phone, which joins the agent's call (%s)", async (method, path, snoop) => {
    const { http, inspectorGuid, t, eventsOf } = await inspectorAndAgent({ agentInCall: true });
    const send = method === 'PUT' ? http.put(`${QC}/${path}`) : http.post(`${QC}/${path}`);
    const res = await send.set('Guid', inspectorGuid);
    expect(res.status).toBe(200);
    expect(res.text).toBe(SUCCESS);
    await t.settle();
    const commands = t.pbx.describe();
    expect(commands.some((line) => /^originate \S+ PJSIP\/40103$/.test(line))).toBe(true);
    expect(commands.some((line) => line.startsWith('snoop ') && line.endsWith(snoop))).toBe(true);
    expect(eventsOf('103')).toEqual(['AgentState_Busy', 'AgentOther_PhoneAlerting', 'AgentOther_PhoneOffhook']);
    // The inspected agent is told nothing.
    expect(eventsOf('101')).toEqual([]);
    expect((await t.core.getAgentSession('103'))?.state).toBe('in_call');
  });

  test('stopping: the inspector phone is released and the inspector is idle again', async () => {
    const { http, inspectorGuid, t, eventsOf } = await inspectorAndAgent({ agentInCall: true });
    expect((await http.put(`${QC}/addsupervise/101`).set('Guid', inspectorGuid)).text).toBe(SUCCESS);
    await t.settle();
    expect((await http.delete(`${QC}/101`).set('Guid', inspectorGuid)).text).toBe(SUCCESS);
    await t.confirmHangups();
    expect(eventsOf('103')).toEqual(['AgentState_Busy', 'AgentOther_PhoneAlerting', 'AgentOther_PhoneOffhook', 'AgentOther_PhoneRelease', 'AgentState_Ready']);
    expect((await t.core.getAgentSession('103'))?.state).toBe('ready');
    // The inspected call goes on.
    expect((await t.core.getAgentSession('101'))?.state).toBe('in_call');
  });

  test('requeststopwhisperagent ends a whisper', async () => {
    const { http, inspectorGuid, t } = await inspectorAndAgent({ agentInCall: true });
    expect((await http.post(`${QC}/requestwhisperagent?whisperagentid=101`).set('Guid', inspectorGuid)).text).toBe(SUCCESS);
    await t.settle();
    expect((await http.post(`${QC}/requeststopwhisperagent?whisperagentid=101`).set('Guid', inspectorGuid)).text).toBe(SUCCESS);
    await t.confirmHangups();
    expect((await t.core.getAgentSession('103'))?.state).toBe('ready');
  });

  test('100-009: stopping when nothing is supervised', async () => {
    const { http, inspectorGuid } = await inspectorAndAgent({ agentInCall: true });
    expect((await http.delete(`${QC}/101`).set('Guid', inspectorGuid)).text).toBe(failure('100-009', 'agent state cannot be changed'));
    expect((await http.post(`${QC}/requeststopwhisperagent?whisperagentid=101`).set('Guid', inspectorGuid)).text).toBe(
      failure('100-009', 'agent state cannot be changed'),
    );
  });

  test('100-009: the inspected agent is in no call', async () => {
    const { http, inspectorGuid, t } = await inspectorAndAgent({ agentInCall: false });
    expect((await http.put(`${QC}/addsupervise/101`).set('Guid', inspectorGuid)).text).toBe(failure('100-009', 'agent state cannot be changed'));
    expect(t.pbx.commands).toEqual([]);
    expect((await t.core.getAgentSession('103'))?.state).toBe('ready');
  });

  test('100-006: the inspected agent is not signed in', async () => {
    const { http, inspectorGuid } = await inspectorAndAgent({ agentInCall: false });
    expect((await http.put(`${QC}/addinsert/102`).set('Guid', inspectorGuid)).text).toBe(failure('100-006', 'agent not signed in'));
  });

  test('000-003: an agent without the inspection right', async () => {
    const { http, signIn, t } = await inspectorAndAgent({ agentInCall: true });
    const guid = await signIn('102');
    for (const res of [
      await http.put('/agentgateway/resource/qualitycontrol/102/addsupervise/101').set('Guid', guid),
      await http.post('/agentgateway/resource/qualitycontrol/102/forcebusy/101').set('Guid', guid),
      await http.post('/agentgateway/resource/qualitycontrol/102/forcelogout/101').set('Guid', guid),
    ]) {
      expect(res.text).toBe(failure('000-003', 'no permission'));
    }
    expect(t.pbx.commands).toEqual([]);
    expect(await t.core.getAgentSession('101')).not.toBeNull();
  });

  test('000-005: an inspector inspecting itself', async () => {
    const { http, inspectorGuid } = await inspectorAndAgent({ agentInCall: false });
    expect((await http.put(`${QC}/addsupervise/103`).set('Guid', inspectorGuid)).text).toBe(failure('000-005', 'inspector cannot inspect itself'));
  });

  test.each([['addsupervise/abc'], ['addsupervise/99'], ['addinsert/0101'], ['forcebusy/1000000']])('000-002: workNo %s', async (path) => {
    const { http, inspectorGuid } = await inspectorAndAgent({ agentInCall: false });
    const res = path.startsWith('forcebusy') ? await http.post(`${QC}/${path}`).set('Guid', inspectorGuid) : await http.put(`${QC}/${path}`).set('Guid', inspectorGuid);
    expect(res.text).toBe(failure('000-002', 'invalid parameter'));
  });

  test('000-002: requestwhisperagent without whisperagentid', async () => {
    const { http, inspectorGuid } = await inspectorAndAgent({ agentInCall: true });
    expect((await http.post(`${QC}/requestwhisperagent`).set('Guid', inspectorGuid)).text).toBe(failure('000-002', 'invalid parameter'));
  });

  test('100-006: the inspector without a GUID', async () => {
    const { http } = await inspectorAndAgent({ agentInCall: true });
    expect((await http.put(`${QC}/addsupervise/101`)).text).toBe(failure('100-006', 'agent not signed in'));
  });

  test('forcebusy sets the agent busy with reason 3 (inspector); forceidle sets it idle again', async () => {
    const { http, inspectorGuid, t, eventsOf } = await inspectorAndAgent({ agentInCall: false });
    expect((await http.post(`${QC}/forcebusy/101`).set('Guid', inspectorGuid)).text).toBe(SUCCESS);
    await t.settle();
    expect((await t.core.getAgentSession('101'))?.state).toBe('paused');
    const [busy] = t.store.mailboxMessages('101', 'ccgateway').slice(-1) as Array<{ eventType: string; content: unknown }>;
    expect(busy).toMatchObject({ eventType: 'AgentState_SetNotReady_Success', content: { reason: '3' } });
    expect((await http.post(`${QC}/forceidle/101`).set('Guid', inspectorGuid)).text).toBe(SUCCESS);
    await t.settle();
    expect((await t.core.getAgentSession('101'))?.state).toBe('ready');
    expect(eventsOf('101')).toEqual(['AgentState_SetNotReady_Success', 'AgentState_CancelNotReady_Success', 'AgentState_Ready']);
  });

  test('forcerest makes the agent rest (status 8, rest reason of the path); during a call from its end; bad time or reason 000-002', async () => {
    const { http, inspectorGuid, t, eventsOf } = await inspectorAndAgent({ agentInCall: false });
    for (const path of ['forcerest/101/0/1', 'forcerest/101/86400/1', 'forcerest/101/60/0', 'forcerest/101/60/256', 'forcerest/101/60/x']) {
      expect((await http.post(`${QC}/${path}`).set('Guid', inspectorGuid)).text).toBe(failure('000-002', 'invalid parameter'));
    }
    expect((await http.post(`${QC}/forcerest/101/60/9`).set('Guid', inspectorGuid)).text).toBe(SUCCESS);
    await t.settle();
    expect(await t.core.getAgentSession('101')).toMatchObject({ state: 'paused', pauseReason: 'rest:9', pauseLimitSec: 60 });
    expect(eventsOf('101')).toEqual(['AgentState_SetRest_Success']);
  });

  test('forcerest of an agent in a call: success now, the rest when the call ends', async () => {
    const { http, inspectorGuid, t } = await inspectorAndAgent({ agentInCall: true });
    expect((await http.post(`${QC}/forcerest/101/60/9`).set('Guid', inspectorGuid)).text).toBe(SUCCESS);
    expect(await t.core.getAgentSession('101')).toMatchObject({ state: 'in_call', pendingPause: { reason: 'rest:9' } });
  });

  test('forcerest by an agent without the inspection right: 000-003', async () => {
    const { http, signIn } = await unitApp();
    const agentGuid = await signIn('101');
    await signIn('103', INSPECTOR_SIGN_IN);
    expect((await http.post('/agentgateway/resource/qualitycontrol/101/forcerest/103/60/1').set('Guid', agentGuid)).text).toBe(failure('000-003', 'no permission'));
  });

  test('100-009: forceidle of an agent in a call', async () => {
    const { http, inspectorGuid } = await inspectorAndAgent({ agentInCall: true });
    expect((await http.post(`${QC}/forceidle/101`).set('Guid', inspectorGuid)).text).toBe(failure('100-009', 'agent state cannot be changed'));
  });

  test('forcelogout signs the agent out, releasing its call', async () => {
    const { http, inspectorGuid, t, eventsOf } = await inspectorAndAgent({ agentInCall: true });
    expect((await http.post(`${QC}/forcelogout/101`).set('Guid', inspectorGuid)).text).toBe(SUCCESS);
    await t.settle();
    expect(await t.core.getAgentSession('101')).toBeNull();
    expect(eventsOf('101').at(-1)).toBe('AgentOther_ShutdownService');
  });

  test('100-006: forcelogout of an agent not signed in', async () => {
    const { http, inspectorGuid } = await inspectorAndAgent({ agentInCall: false });
    expect((await http.post(`${QC}/forcelogout/102`).set('Guid', inspectorGuid)).text).toBe(failure('100-006', 'agent not signed in'));
  });

  test('switch: listening becomes insertion and back, the snoop replaced and the phone kept', async () => {
    const { http, inspectorGuid, t, eventsOf } = await inspectorAndAgent({ agentInCall: true });
    expect((await http.put(`${QC}/addsupervise/101`).set('Guid', inspectorGuid)).text).toBe(SUCCESS);
    await t.settle();
    t.pbx.clearCommands();
    expect((await http.post(`${QC}/switch/101`).set('Guid', inspectorGuid)).text).toBe(SUCCESS);
    await t.confirmHangups();
    const commands = t.pbx.describe();
    expect(commands.filter((line) => line.startsWith('hangup '))).toHaveLength(1);
    expect(commands.some((line) => line.startsWith('snoop ') && line.endsWith('spy=both whisper=both'))).toBe(true);
    expect(commands.some((line) => line.startsWith('originate '))).toBe(false);
    t.pbx.clearCommands();
    expect((await http.post(`${QC}/switch/101`).set('Guid', inspectorGuid)).text).toBe(SUCCESS);
    await t.confirmHangups();
    expect(t.pbx.describe().some((line) => line.startsWith('snoop ') && line.endsWith('spy=both whisper=none'))).toBe(true);
    // The inspector's phone stayed up throughout: no release, still in the call.
    expect(eventsOf('103')).toEqual(['AgentState_Busy', 'AgentOther_PhoneAlerting', 'AgentOther_PhoneOffhook']);
    expect((await t.core.getAgentSession('103'))?.state).toBe('in_call');
  });

  test.each([
    ['0', 'spy=both whisper=none'],
    ['1', 'spy=both whisper=both'],
    ['2', 'spy=both whisper=out'],
  ])('requestswitchinsertwhisperagent switchtype=%s from whispering', async (switchType, snoop) => {
    const { http, inspectorGuid, t } = await inspectorAndAgent({ agentInCall: true });
    expect((await http.post(`${QC}/requestwhisperagent?whisperagentid=101`).set('Guid', inspectorGuid)).text).toBe(SUCCESS);
    await t.settle();
    t.pbx.clearCommands();
    const res = await http.post(`${QC}/requestswitchinsertwhisperagent?whisperagentid=101&switchtype=${switchType}`).set('Guid', inspectorGuid);
    expect(res.text).toBe(SUCCESS);
    await t.confirmHangups();
    const snoops = t.pbx.describe().filter((line) => line.startsWith('snoop '));
    // Whispering already: nothing to replace.
    if (switchType === '2') expect(snoops).toEqual([]);
    else expect(snoops.map((line) => line.slice(line.indexOf('spy=')))).toEqual([snoop]);
    expect((await t.core.getAgentSession('103'))?.state).toBe('in_call');
  });

  test('100-009: switch of a whisper, and switching with nothing supervised', async () => {
    const { http, inspectorGuid, t } = await inspectorAndAgent({ agentInCall: true });
    const refused = failure('100-009', 'agent state cannot be changed');
    expect((await http.post(`${QC}/switch/101`).set('Guid', inspectorGuid)).text).toBe(refused);
    expect((await http.post(`${QC}/requestswitchinsertwhisperagent?whisperagentid=101&switchtype=1`).set('Guid', inspectorGuid)).text).toBe(refused);
    expect((await http.post(`${QC}/requestwhisperagent?whisperagentid=101`).set('Guid', inspectorGuid)).text).toBe(SUCCESS);
    await t.settle();
    expect((await http.post(`${QC}/switch/101`).set('Guid', inspectorGuid)).text).toBe(refused);
  });

  test.each([[''], ['3'], ['x'], ['-1']])('000-002: switchtype %j', async (switchType) => {
    const { http, inspectorGuid } = await inspectorAndAgent({ agentInCall: true });
    const res = await http.post(`${QC}/requestswitchinsertwhisperagent?whisperagentid=101&switchtype=${switchType}`).set('Guid', inspectorGuid);
    expect(res.text).toBe(failure('000-002', 'invalid parameter'));
  });

  test('intercept without a supervision under way: 100-009 (both paths)', async () => {
    const { http, inspectorGuid } = await inspectorAndAgent({ agentInCall: true });
    const refused = failure('100-009', 'agent state cannot be changed');
    expect((await http.put(`${QC}/intercept/101`).set('Guid', inspectorGuid)).text).toBe(refused);
    expect((await http.put(`${QC}/intercept/101/1456401416-3`).set('Guid', inspectorGuid)).text).toBe(refused);
  });
});
