import { clearOfDayEnd, DAY_END_WAIT_TIMEOUT_MS, startTestGateway, type TestGateway } from '@pbx-gateway/test-support';
import { E100, E600, E601, expectWire, SUCCESS } from '../support/wire-expect';

/**
 * The call-centre actions end to end, on the engine with the real ari-client:
 * agent 2000 (PIN 1234, named Agent_01) logs in from extension 100 (sip100),
 * joins the demo queue FrontaIT, which the public number 299299999 enters,
 * and takes a call placed into the engine on that number; queuestatus
 * reports the caller waiting and then the completed call. The demo agent
 * 1000 (PIN 1234), a static member of FrontaIT logged in through VICIdial,
 * is the same agent here: VoIPSUN pauses it, and VICIdial's session is paused.
 * An API user holding only "Call list" may use none of these actions.
 */
let gateway: TestGateway;

const DID = '299299999';
const AGENT = 'agentNumber=2000&agentPin=1234';

// Clear of midnight: queuestatus counts the calls of the day (UTC) they were taken.
beforeAll(() => clearOfDayEnd(), DAY_END_WAIT_TIMEOUT_MS);

beforeAll(async () => {
  gateway = await startTestGateway({
    extraProvisioning: {
      apiUsers: [
        { realm: 'voipsun', login: 'lister', secret: 'listpwd', permissions: ['Call list'] },
        { realm: 'voipsun', login: 'centre', secret: 'centrepwd', permissions: ['Call center'] },
      ],
      agents: [
        { id: '2000', name: 'Agent_01', secret: '1234' },
        { id: '2001', name: 'Agent_02', secret: '4321' },
      ],
      didRoutes: [{ did: DID, queue: 'FrontaIT' }],
    },
  });
}, 60000);

afterAll(async () => {
  await gateway?.close();
});

const api = (query: string, auth = 'username=centre&password=centrepwd') => gateway.http.get(`/api/api.php?${auth}&${query}`);

interface QueueResult {
  calls: string;
  completed: string;
  abandoned: string;
  holdTime: string;
  talkTime: string;
  members: Record<string, Record<string, string>>;
  waiters: Record<string, Record<string, string | null>>;
}

async function queueStatus(): Promise<{ result: QueueResult; raw: string }> {
  const response = await api('action=queuestatus&queueName=FrontaIT');
  const body = JSON.parse(response.text) as { success: string; results: QueueResult[] };
  expect(body.success).toBe('true');
  return { result: body.results[0]!, raw: response.text };
}

const agentStatus = async (): Promise<string> => (await api(`action=agentstatus&${AGENT}`)).text;

describe('the call centre on the engine', () => {
  test('without the "Call center" permission every call-centre action is errno 100', async () => {
    for (const query of [`action=agentlogin&srcExtenInternalNum=100&${AGENT}`, `action=agentstatus&${AGENT}`, 'action=queuestatus&queueName=FrontaIT']) {
      expectWire(await api(query, 'username=lister&password=listpwd'), E100);
    }
    expect(await gateway.core.getAgentSession('2000')).toBeNull();
  });

  test('the document’s agentstatus and agentpause examples work on the demo agent 1000, the one VICIdial signs in', async () => {
    const base = 'username=voipsun&password=secretpwd';
    // Its phone is rung into its VICIdial session conference and sits there: the line is in use.
    const inUse = '{"success":"true","reason":"Agent 1000 is logged in. Line is In use"}';
    await gateway.waitFor(async () => (await api('action=agentstatus&agentNumber=1000&agentPin=1234', base)).text === inUse, 10000, 'agent 1000’s phone in its conference');
    expectWire(await api('action=agentstatus&agentNumber=1000&agentPin=1234', base), inUse);
    expectWire(await api('action=agentpause&agentNumber=1000&agentPin=1234', base), SUCCESS);
    expect(await gateway.core.getAgentSession('1000')).toMatchObject({ state: 'paused', loginVia: 'vicidial' });
    const paused = (await queueStatus()).result.members['Demo Agent'];
    expect(paused).toMatchObject({ membership: 'static', penalty: '1', paused: '1', location: 'PJSIP/1000' });
    expectWire(await api('action=agentunpause&agentNumber=1000&agentPin=1234', base), SUCCESS);
    expect(await gateway.core.getAgentSession('1000')).toMatchObject({ state: 'ready' });
  });

  test('an agent logs in from extension 100, joins FrontaIT, takes a call on its public number, and leaves', async () => {
    // The demo agent 1000, also in FrontaIT, takes no call meanwhile.
    expectWire(await api('action=agentpause&agentNumber=1000&agentPin=1234'), SUCCESS);
    expectWire(await api(`action=agentadd&${AGENT}&queueName=FrontaIT&penalty=1`), E601);
    expectWire(await api(`action=agentlogin&srcExtenInternalNum=100&${AGENT}`), SUCCESS);
    expect(await gateway.core.getAgentSession('2000')).toMatchObject({ device: 'PJSIP/sip100', state: 'ready' });
    expectWire(await api(`action=agentstatus&${AGENT}`), '{"success":"true","reason":"Agent 2000 is logged in. Line is free"}');
    expectWire(await api(`action=agentadd&${AGENT}&queueName=FrontaABC`), E600('FrontaABC'));
    expectWire(await api(`action=agentadd&${AGENT}&queueName=FrontaIT&penalty=1`), SUCCESS);

    // Paused: the caller waits in the queue, with music, and queuestatus shows it.
    expectWire(await api(`action=agentpause&${AGENT}`), SUCCESS);
    const caller = await gateway.farEnd.callIn(DID, '999555444');
    const waiting = await gateway.waitFor(async () => {
      const { result } = await queueStatus();
      return result.calls === '1' ? result : undefined;
    }, 10000, 'the caller waiting in FrontaIT');
    expect(waiting.waiters['1']).toMatchObject({ position: '1', callerIdNum: '999555444', connectedLineNum: null });
    expect(waiting.waiters['1']!.channel).toMatch(/^PJSIP\/upc-/);
    expect(waiting.members.Agent_01).toMatchObject({ agentName: 'Agent_01', location: 'PJSIP/sip100', membership: 'dynamic', penalty: '1', paused: '1', isInCall: '0' });
    expect((await queueStatus()).raw).toContain('"location":"PJSIP\\/sip100"');

    // Unpaused: the agent's phone (extension 100) rings, answers, and is bridged with the caller.
    await gateway.farEnd.setPhone('sip100', { outcome: 'answer', ringMs: 200 });
    expectWire(await api(`action=agentunpause&${AGENT}`), SUCCESS);
    const call = await gateway.waitFor(async () => {
      const session = await gateway.core.getAgentSession('2000');
      const current = session?.currentCallId ? await gateway.core.getCall(session.currentCallId) : null;
      return current?.call.progress.stage === 'connected' ? current : undefined;
    }, 15000, 'the call connected to agent 2000');
    const agentLeg = call.legs.find((leg) => leg.role === 'agent')!;
    expect(agentLeg).toMatchObject({ endpoint: 'PJSIP/sip100', state: 'up' });
    expect((await gateway.engineChannels()).find((channel) => channel.id === agentLeg.id)?.state).toBe('Up');
    await gateway.waitFor(async () => (await agentStatus()) === '{"success":"true","reason":"Agent 2000 is logged in. Line is In use"}', 10000, 'the line in use');
    const during = await queueStatus();
    expect(during.result).toMatchObject({ calls: '0', waiters: {} });
    expect(during.result.members.Agent_01).toMatchObject({ isInCall: '1', callsTaken: '1', status: '2', channelStatus: 'Line is In use' });

    await caller.hangup();
    await gateway.waitFor(async () => (await gateway.core.getCdrOfCall(call.call.id)) ?? undefined, 10000, 'the CDR of the call');
    await gateway.waitFor(async () => (await agentStatus()) === '{"success":"true","reason":"Agent 2000 is logged in. Line is free"}', 10000, 'the line free again');
    const after = (await queueStatus()).result;
    expect(after).toMatchObject({ calls: '0', completed: '1', abandoned: '0' });
    expect(after.members.Agent_01).toMatchObject({ isInCall: '0', callsTaken: '1' });
    expect(Number(after.members.Agent_01!.lastCall)).toBeGreaterThan(0);

    // A caller who gives up while the agent is paused is abandoned.
    expectWire(await api(`action=agentpause&${AGENT}`), SUCCESS);
    const quitter = await gateway.farEnd.callIn(DID, '999555666');
    await gateway.waitFor(async () => ((await queueStatus()).result.calls === '1' ? true : undefined), 10000, 'the second caller waiting');
    await quitter.hangup();
    await gateway.waitFor(async () => ((await queueStatus()).result.abandoned === '1' ? true : undefined), 10000, 'the second call abandoned');

    expectWire(await api(`action=agentremove&${AGENT}&queueName=FrontaIT`), SUCCESS);
    expect(Object.keys((await queueStatus()).result.members)).toEqual(['Demo Agent']);
    expectWire(await api(`action=agentlogout&${AGENT}`), SUCCESS);
    expectWire(await api(`action=agentstatus&${AGENT}`), '{"success":"true","reason":"Agent 2000 is logged out."}');
    expect(await gateway.core.getAgentSession('2000')).toBeNull();
    expectWire(await api('action=agentunpause&agentNumber=1000&agentPin=1234'), SUCCESS);
  });

  test('a call goes to the member of the lowest penalty: agent 2001 (penalty 0, extension 101) before agent 2000 (penalty 5, extension 100)', async () => {
    const other = 'agentNumber=2001&agentPin=4321';
    expectWire(await api('action=agentpause&agentNumber=1000&agentPin=1234'), SUCCESS);
    expectWire(await api(`action=agentlogin&srcExtenInternalNum=100&${AGENT}`), SUCCESS);
    expectWire(await api(`action=agentlogin&srcExtenInternalNum=101&${other}`), SUCCESS);
    expectWire(await api(`action=agentadd&${AGENT}&queueName=FrontaIT&penalty=5`), SUCCESS);
    expectWire(await api(`action=agentadd&${other}&queueName=FrontaIT`), SUCCESS);
    await gateway.farEnd.setPhone('sip101', { outcome: 'answer', ringMs: 200 });
    const caller = await gateway.farEnd.callIn(DID, '999555777');
    const call = await gateway.waitFor(async () => {
      const session = await gateway.core.getAgentSession('2001');
      const current = session?.currentCallId ? await gateway.core.getCall(session.currentCallId) : null;
      return current?.call.progress.stage === 'connected' ? current : undefined;
    }, 15000, 'the call connected to agent 2001');
    expect(call.legs.find((leg) => leg.role === 'agent')).toMatchObject({ endpoint: 'PJSIP/sip101', state: 'up' });
    expect(await gateway.core.getAgentSession('2000')).toMatchObject({ state: 'ready', currentCallId: null });
    await caller.hangup();
    await gateway.waitFor(async () => (await gateway.core.getCdrOfCall(call.call.id)) ?? undefined, 10000, 'the CDR of the call');
    for (const agent of [AGENT, other]) expectWire(await api(`action=agentlogout&${agent}`), SUCCESS);
    expectWire(await api('action=agentunpause&agentNumber=1000&agentPin=1234'), SUCCESS);
  });
});
