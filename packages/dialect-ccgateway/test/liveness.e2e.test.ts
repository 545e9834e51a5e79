import { poll, sharedCcgatewayGateway, signIn } from './integration-support';
import { BASE, HUAWEI_SIGN_IN_SAMPLE, SUCCESS, failure } from './wire-client';

describe('CC-Gateway liveness on the whole stack: idle sign-out, dynamic GUIDs', () => {
  const gateway = sharedCcgatewayGateway({
    ccgateway: { pollWaitMs: 200, idleSignOutMs: 1500, idleSweepMs: 100, authMode: 'dynamic', guidRotationMs: 1000 },
  });

  test('an agent that stops polling is signed out; one that keeps polling is not', async () => {
    const quiet = await signIn(gateway(), '101', HUAWEI_SIGN_IN_SAMPLE);
    const busy = await signIn(gateway(), '102', { password: 'Agent@102', phonenum: '102' });
    // Agent 102 polls all along; agent 101 never does.
    let polling = true;
    const keepPolling = (async () => {
      let guid = busy;
      while (polling) {
        const res = await gateway().http.get(`${BASE}/agentevent/102`).set('Guid', guid);
        const rotated = res.headers['set-guid'];
        if (typeof rotated === 'string') guid = rotated.slice('JSESSIONID='.length);
      }
    })();
    try {
      await gateway().waitFor(async () => (await gateway().core.getAgentSession('101')) === null, 10_000, 'agent 101 to be signed out');
      expect(await gateway().core.getAgentSession('102')).not.toBeNull();
      expect((await gateway().http.get(`${BASE}/agentevent/101`).set('Guid', quiet)).text).toBe(failure('100-006', 'agent not signed in'));
      const mailbox = await gateway().query<{ message: { eventType: string } }>("SELECT message FROM agent_mailbox WHERE agent_id = '101' AND channel = 'ccgateway' ORDER BY id");
      expect(mailbox.map((row) => row.message.eventType)).toEqual(['AgentOther_InService', 'AgentState_Ready', 'AgentOther_ShutdownService']);
    } finally {
      polling = false;
      await keepPolling;
      await gateway().core.logoutAgent({ agentId: '102', whenInCall: 'force' });
    }
  });

  test('dynamic AUTHMODE: a poll hands out a new GUID once the old one is due; the old one works for one more period, then not', async () => {
    const first = await signIn(gateway(), '101', HUAWEI_SIGN_IN_SAMPLE);
    let rotated: string | null = null;
    const deadline = Date.now() + 10_000;
    while (rotated === null && Date.now() < deadline) {
      const res = await gateway().http.get(`${BASE}/agentevent/101`).set('Guid', first);
      expect(res.text).toMatch(/^\{"message":"","retcode":"0","event":/);
      const header = res.headers['set-guid'];
      if (typeof header === 'string') {
        expect(header).toMatch(/^JSESSIONID=[0-9a-f-]{36}\.AgentGateway0$/);
        rotated = header.slice('JSESSIONID='.length);
      }
    }
    expect(rotated).not.toBeNull();
    expect(rotated).not.toBe(first);
    const second = rotated!;
    // Right after the rotation the previous GUID is still good.
    expect((await gateway().http.get(`${BASE}/onlineagent/101/agentstatus`).set('Guid', first)).text).toBe('{"message":"","retcode":"0","result":1}');
    // The new GUID does everything the old one did.
    expect((await gateway().http.post(`${BASE}/onlineagent/101/saybusy`).set('Guid', second)).text).toBe(SUCCESS);
    // The old one expires two periods after it was issued; keep the session alive with the new one meanwhile.
    await gateway().waitFor(async () => {
      await poll(gateway(), '101', second).catch(() => null);
      return (await gateway().http.get(`${BASE}/onlineagent/101/agentstatus`).set('Guid', first)).text === failure('100-006', 'agent not signed in');
    }, 10_000, 'the previous GUID to expire');
    expect(await gateway().core.getAgentSession('101')).not.toBeNull();
    await gateway().core.logoutAgent({ agentId: '101', whenInCall: 'force' });
  });
});
