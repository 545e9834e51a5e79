import { startTestGateway, type TestGateway } from '@pbx-gateway/test-support';

// The live console (docs/console.md): its page, and its JSON under
// /console/api with the admin key, on the whole gateway (pbx-sim, Postgres).

const KEY = 'test-admin-key-0123456789abcdef';
const VOIPSUN = '/api/api.php?username=voipsun&password=secretpwd';
const VICIDIAL = '/agc/api.php?source=test&user=6666&pass=1234&agent_user=1000';

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway({ listen: true, adminApiKey: KEY });
}, 60000);

afterAll(() => gateway?.close());

const get = (path: string) => gateway.http.get(`/console/api${path}`).set('Authorization', `Bearer ${KEY}`);
const post = (path: string, body?: unknown) => {
  const request = gateway.http.post(`/console/api${path}`).set('Authorization', `Bearer ${KEY}`);
  return body === undefined ? request : request.set('Content-Type', 'application/json').send(JSON.stringify(body));
};

interface CallRow {
  id: string;
  state: string;
  legs: Array<{ role: string; state: string; channelName: string | null }>;
}

describe('the page', () => {
  test('GET /console is the console page; its script and style come from the gateway, nothing from elsewhere', async () => {
    const page = await gateway.http.get('/console');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.text).toContain('<script src="/console/console.js" defer></script>');
    expect(page.text).not.toMatch(/https?:\/\//);
    const script = await gateway.http.get('/console/console.js');
    expect([script.status, script.headers['content-type']]).toEqual([200, 'text/javascript; charset=utf-8']);
    expect(script.text).toContain("'/events/v1/stream'");
    expect(script.text).not.toMatch(/https?:\/\//);
    expect((await gateway.http.get('/console/console.css')).headers['content-type']).toBe('text/css; charset=utf-8');
  });
});

describe('the JSON API', () => {
  test('without the admin key: 401 UNAUTHORIZED with WWW-Authenticate; unknown resources: 404 NOT_FOUND', async () => {
    const refused = await gateway.http.get('/console/api/snapshot').set('Authorization', `Bearer ${KEY}x`);
    expect([refused.status, refused.headers['www-authenticate'], refused.body.error.code]).toEqual([401, 'Bearer realm="pbx-gateway admin"', 'UNAUTHORIZED']);
    const missing = await get('/weather');
    expect([missing.status, missing.body.error.code]).toEqual([404, 'NOT_FOUND']);
  });

  test('the snapshot: agents with state and time in it, queues with members and callers waiting, calls, recent CDRs, and the last event id', async () => {
    const snapshot = await get('/snapshot');
    expect(snapshot.status).toBe(200);
    expect(snapshot.body).toEqual({ lastEventId: expect.stringMatching(/^\d+-\d+$/), agents: expect.any(Array), calls: expect.any(Array), queues: expect.any(Array), cdrs: [] });
    // Agent 1000's phone sits in its VICIdial session conference: a live call of its own.
    expect(snapshot.body.calls).toEqual([expect.objectContaining({ purpose: 'agent_phone', agentId: '1000', legs: [expect.objectContaining({ role: 'agent', endpoint: 'PJSIP/1000' })] })]);
    expect(snapshot.body.agents.find((agent: { agentId: string }) => agent.agentId === '1000')).toEqual({
      agentId: '1000',
      name: expect.any(String),
      state: 'ready',
      pauseReason: null,
      currentCallId: null,
      stateSince: expect.stringMatching(/^\d{4}-/),
      phone: expect.any(String),
      via: expect.any(String),
      queues: expect.any(Array),
    });
    expect(snapshot.body.queues[0]).toEqual({ name: expect.any(String), active: expect.any(Boolean), members: expect.any(Array), waiting: [] });
  });

  test('pause with a code and resume go through the core: the agent\'s state changes', async () => {
    const paused = await post('/agents/1000/pause', { reason: 'BREAK' });
    expect([paused.status, paused.body]).toEqual([200, { agentId: '1000', outcome: 'paused' }]);
    expect(await gateway.core.getAgentSession('1000')).toMatchObject({ state: 'paused', pauseReason: 'BREAK' });
    expect((await post('/agents/1000/resume')).body).toEqual({ agentId: '1000', outcome: 'ready' });
    expect((await gateway.core.getAgentSession('1000'))?.state).toBe('ready');
  });

  test('bad input is the console\'s own 400; the core\'s refusals keep their codes', async () => {
    const badBody = await post('/agents/1000/pause', ['BREAK']);
    expect([badBody.status, badBody.body.error.code]).toEqual([400, 'INVALID_REQUEST']);
    const badMode = await post('/supervision', { agentId: '1000', mode: 'shout', supervisorExtension: '101' });
    expect([badMode.status, badMode.body.error.code]).toEqual([400, 'INVALID_REQUEST']);
    const notLoggedIn = await post('/agents/4242/pause', {});
    expect([notLoggedIn.status, notLoggedIn.body.error.code]).toEqual([404, 'AGENT_NOT_LOGGED_IN']);
    const noCall = await post('/calls/no-such-call/hangup');
    expect([noCall.status, noCall.body.error.code]).toEqual([404, 'CALL_NOT_FOUND']);
    const supervisingNobody = await post('/supervision', { agentId: '4242', mode: 'listen', supervisorExtension: '101' });
    expect([supervisingNobody.status, supervisingNobody.body.error.code]).toEqual([404, 'AGENT_NOT_LOGGED_IN']);
    const noSupervisor = await post('/supervision', { agentId: '1000', mode: 'barge', supervisorExtension: '999' });
    expect([noSupervisor.status, noSupervisor.body.error.code]).toEqual([404, 'EXTENSION_NOT_FOUND']);
  });

  test('a recorded call placed by a dialect shows with its legs; hung up from the console it ends, and its CDR offers the recording\'s audio', async () => {
    expect((await gateway.http.get(`${VOIPSUN}&action=originate&srcExtenInternalNum=100&dstNum=800123456&monitorFilename=console_check.wav`)).text).toContain('"success":"true"');
    const call = await gateway.waitFor(async () => {
      const calls = (await get('/snapshot')).body.calls as CallRow[];
      return calls.find((candidate) => candidate.legs.length === 2 && candidate.legs.every((leg) => leg.state === 'up'));
    }, 10000, 'the call up with both legs');
    await gateway.waitFor(async () => (await gateway.core.recordingsOfCall(call.id))[0]?.state === 'recording', 10000, 'the call recorded');

    const hungUp = await post(`/calls/${call.id}/hangup`);
    expect([hungUp.status, hungUp.body]).toEqual([200, { callId: call.id, legsHungUp: 2 }]);
    const cdr = await gateway.waitFor(async () => ((await get('/snapshot')).body.cdrs as Array<{ callId: string; id: number; recordingFile: string }>).find((row) => row.callId === call.id), 10000, 'the CDR');
    expect(cdr.recordingFile).toBe('console_check.wav');
    expect(((await get('/snapshot')).body.calls as CallRow[]).map((row) => row.id)).not.toContain(call.id);

    const audio = await fetch(`${gateway.url}/console/api/recordings/${cdr.id}`, { headers: { authorization: `Bearer ${KEY}` } });
    expect(audio.status).toBe(200);
    const bytes = Buffer.from(await audio.arrayBuffer());
    expect(audio.headers.get('content-type')).toMatch(/^audio\//);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('RIFF');
    const missing = await get('/recordings/999999');
    expect([missing.status, missing.body.error.code]).toEqual([404, 'RECORDING_NOT_FOUND']);
  });

  test('listen from the console: extension 100 is rung and joins agent 1000\'s call with a customer; hung up from the console, the supervision ends', async () => {
    // VICIdial dials for a paused agent only.
    expect((await post('/agents/1000/pause', {})).body.outcome).toBe('paused');
    expect((await gateway.http.get(`${VICIDIAL}&function=external_dial&value=7275551212&phone_code=1&search=NO&preview=NO&focus=NO`)).text).toMatch(/^SUCCESS: external_dial/);
    const customerCall = await gateway.waitFor(async () => {
      const callId = (await gateway.core.getAgentSession('1000'))?.currentCallId;
      const found = callId ? await gateway.core.getCall(callId) : null;
      return found?.legs.some((leg) => leg.role === 'customer' && leg.state === 'up') ? found.call.id : undefined;
    }, 15000, 'agent 1000 talking to the customer');

    const listen = await post('/supervision', { agentId: '1000', mode: 'listen', supervisorExtension: '100' });
    expect([listen.status, listen.body]).toEqual([200, { callId: expect.any(String), agentId: '1000', mode: 'listen' }]);
    const supervision = await gateway.waitFor(async () => {
      const row = ((await get('/snapshot')).body.calls as Array<CallRow & { purpose: string }>).find((call) => call.id === listen.body.callId);
      return row?.legs.some((leg) => leg.role === 'supervisor' && leg.state === 'up') ? row : undefined;
    }, 15000, 'the supervisor listening');
    expect(supervision.purpose).toBe('supervision');

    expect((await post(`/calls/${supervision.id}/hangup`)).status).toBe(200);
    await gateway.waitFor(async () => (await gateway.core.getCdrOfCall(supervision.id)) ?? undefined, 15000, 'the supervision\'s CDR');
    expect((await gateway.core.getCall(customerCall))?.call.state).not.toBe('ended');
    expect((await post(`/calls/${customerCall}/hangup`)).status).toBe(200);
    await gateway.waitFor(async () => (await gateway.core.getCdrOfCall(customerCall)) ?? undefined, 15000, 'the customer call\'s CDR');
  });

  test('logging an agent out from the console ends the session', async () => {
    const logout = await post('/agents/1000/logout', { whenInCall: 'force' });
    expect([logout.status, logout.body]).toEqual([200, { agentId: '1000', outcome: 'logged_out' }]);
    expect(((await get('/snapshot')).body.agents as Array<{ agentId: string }>).map((agent) => agent.agentId)).not.toContain('1000');
  });
});
