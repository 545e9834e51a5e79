import type { TestGateway } from '@pbx-gateway/test-support';
import { AUTH, EXTRA_PROVISIONING, agentGet, customerCall, expectVicidialAnswer, sharedGateway } from './support/vicidial-test-kit';

// switch_lead (spec §3.2): the inbound call an agent is on becomes a call of
// another lead. Calls come in on the demo DID (in-group TEST_IN, agent 1000
// in its conference, campaign TESTCAMP, here searching leads on inbound
// calls); agent 101 takes TEST_IN2 calls in campaign NOSEARCH, which does not
// let agents search leads; agent 102 takes TEST_IN3 calls in no campaign.

const DID = '2125550100';
const DID_NOSEARCH = '2125550102';
const DID_NO_CAMPAIGN = '2125550103';

const gateway = sharedGateway({
  agentInConference: '1000',
  overrides: {
    extraProvisioning: {
      ...EXTRA_PROVISIONING,
      queues: [{ name: 'TEST_IN3', strategy: 'longest_wait_time' }],
      didRoutes: [
        { did: DID_NOSEARCH, queue: 'TEST_IN2' },
        { did: DID_NO_CAMPAIGN, queue: 'TEST_IN3' },
      ],
      campaigns: [
        {
          id: 'TESTCAMP',
          name: 'Test campaign',
          dialMethod: 'MANUAL',
          allowInbound: true,
          manualDialListId: 101,
          apiManualDial: 'STANDARD',
          dialPrefix: '',
          agentLeadSearch: 'LIVE_CALL_INBOUND_AND_MANUAL',
        },
        { id: 'NOSEARCH', name: 'No lead search', dialMethod: 'MANUAL', allowInbound: true, manualDialListId: 101, agentLeadSearch: 'CAMPAIGN_LISTS_ONLY' },
      ],
      sessions: [
        ...(EXTRA_PROVISIONING.sessions ?? []),
        { agentId: '101', via: 'vicidial', campaignId: 'NOSEARCH', queues: ['TEST_IN2'] },
        { agentId: '102', via: 'vicidial', queues: ['TEST_IN3'] },
      ],
    },
  },
});
const LINK = `\n<a href="javascript:window.opener='x';window.close();">Close This Window</a>\n`;
const api = (query: string) => agentGet(gateway(), `${AUTH}&function=switch_lead&${query}`);

/** A caller on `did`, connected to `agentId`: the agent's inbound call. */
async function inboundCall(g: TestGateway, did: string, agentId: string): Promise<{ callId: string; hangup: () => Promise<void> }> {
  const caller = await g.farEnd.callIn(did, '5550123');
  const callId = await g.waitFor(
    async () => {
      const session = await g.core.getAgentSession(agentId);
      const found = session?.currentCallId ? await g.core.getCall(session.currentCallId) : null;
      return found?.call.purpose === 'inbound' && found.call.progress.stage === 'connected' ? found.call.id : undefined;
    },
    15000,
    `an inbound call connected to agent ${agentId}`,
  );
  return {
    callId,
    hangup: async () => {
      await caller.hangup();
      await g.waitFor(async () => (await g.core.getCall(callId))?.call.state === 'ended', 10000, 'the inbound call to end');
    },
  };
}

describe('on an inbound call', () => {
  test('by lead number, then by vendor code: SUCCESS … - <agent_user>|<lead_id>|<vendor_lead_code>|<campaign>|<old lead_id>|; the disposition goes to the lead', async () => {
    const call = await inboundCall(gateway(), DID, '1000');
    expectVicidialAnswer(await api('agent_user=1000&lead_id=2'), 'SUCCESS: switch_lead function set - 1000|2|DEMO-2|TESTCAMP|0|\n');
    expect(await gateway().core.getAgentSession('1000')).toMatchObject({ state: 'in_call', lead: { leadId: 2, callId: call.callId } });
    expect(await gateway().core.getLeadCall(call.callId)).toMatchObject({ leadId: 2, agentId: '1000', campaignId: 'TESTCAMP', status: null });

    expectVicidialAnswer(await api('alt_user=876543&vendor_lead_code=DEMO-3&close_window_link=1'), `SUCCESS: switch_lead function set - 1000|3|DEMO-3|TESTCAMP|2|\n${LINK}`);
    expect(await gateway().core.getLeadCall(call.callId)).toMatchObject({ leadId: 3 });

    // Both given: the vendor code decides, as VICIdial's search takes it over the lead number.
    expectVicidialAnswer(await api('agent_user=1000&lead_id=3&vendor_lead_code=DEMO-2'), 'SUCCESS: switch_lead function set - 1000|2|DEMO-2|TESTCAMP|3|\n');
    expectVicidialAnswer(await api('agent_user=1000&lead_id=2&vendor_lead_code=DEMO-3'), 'SUCCESS: switch_lead function set - 1000|3|DEMO-3|TESTCAMP|2|\n');
    expectVicidialAnswer(await api('agent_user=1000&lead_id=3&vendor_lead_code=NO-SUCH'), 'ERROR: switch-to lead not found - 1000|3|NO-SUCH\n');
    expectVicidialAnswer(await api('agent_user=1000&lead_id=99999'), 'ERROR: switch-to lead not found - 1000|99999|\n');
    expectVicidialAnswer(await api('agent_user=1000&vendor_lead_code=NO-SUCH'), 'ERROR: switch-to lead not found - 1000||NO-SUCH\n');
    expect((await gateway().core.getAgentSession('1000'))?.lead?.leadId).toBe(3);

    // The call ends: the switched-to lead waits for its disposition (DISPO), which it and the call's log take.
    await call.hangup();
    expect(await gateway().core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up', lead: { leadId: 3 } });
    expect((await agentGet(gateway(), `${AUTH}&function=external_status&agent_user=1000&value=SALE`)).text).toBe('SUCCESS: external_status function set - SALE|1000\n');
    expect(await gateway().core.getLead(3)).toMatchObject({ status: 'SALE' });
    expect(await gateway().core.getLeadCall(call.callId)).toMatchObject({ leadId: 3, status: 'SALE' });
    await gateway().core.resumeAgent({ agentId: '1000' });
  });

  test('ERROR: campaign does not allow inbound lead search - <agent_user>|<campaign>', async () => {
    const call = await inboundCall(gateway(), DID_NOSEARCH, '101');
    expectVicidialAnswer(await api('agent_user=101&lead_id=2'), 'ERROR: campaign does not allow inbound lead search - 101|NOSEARCH\n');
    expect((await gateway().core.getAgentSession('101'))?.lead).toBeNull();
    await call.hangup();
  });

  test('ERROR: campaign not found - <agent_user>|<campaign> (a session without a campaign)', async () => {
    const call = await inboundCall(gateway(), DID_NO_CAMPAIGN, '102');
    expectVicidialAnswer(await api('agent_user=102&lead_id=2'), 'ERROR: campaign not found - 102|\n');
    await call.hangup();
  });
});

describe('without an inbound call', () => {
  test('ERROR: agent_user does not have a live call - <agent_user>', async () => {
    expectVicidialAnswer(await api('agent_user=1000&lead_id=2'), 'ERROR: agent_user does not have a live call - 1000\n');
  });

  test('an outbound call: ERROR: agent call is not inbound - <agent_user>|<call_id>, without a newline', async () => {
    const { callId } = await customerCall(gateway(), '1000');
    const wireId = callId.replace('.', '_');
    expectVicidialAnswer(await api('agent_user=1000&lead_id=2'), `ERROR: agent call is not inbound - 1000|${wireId}`);
    expectVicidialAnswer(await api('agent_user=1000&lead_id=2&close_window_link=1'), `ERROR: agent call is not inbound - 1000|${wireId}${LINK}`);
    await agentGet(gateway(), `${AUTH}&function=external_hangup&value=1&agent_user=1000`);
    await gateway().waitFor(async () => (await gateway().core.getCall(callId))?.call.state === 'ended', 10000, 'the call to end');
  });
});

describe('checks before the call', () => {
  test('ERROR: switch_lead not valid - <lead_id>|<vendor_lead_code>|<agent_user>', async () => {
    expectVicidialAnswer(await api('agent_user=1000'), 'ERROR: switch_lead not valid - ||1000\n');
    expectVicidialAnswer(await api('agent_user=1000&lead_id=0'), 'ERROR: switch_lead not valid - 0||1000\n');
    expectVicidialAnswer(await api('lead_id=2&alt_user=8&close_window_link=1'), `ERROR: switch_lead not valid - 2||\n${LINK}`);
  });

  test('allow-list: ERROR: auth … - <lead_id>|<user>|switch_lead|<group>, the script ends', async () => {
    expectVicidialAnswer(
      await agentGet(gateway(), 'source=test&user=6668&pass=1234&function=switch_lead&agent_user=1000&lead_id=2&close_window_link=1'),
      'ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - 2|6668|switch_lead|AGENTS\n',
    );
  });

  test('A and L: ERROR: no user found - <alt_user>, ERROR: agent_user is not logged in - <agent_user>', async () => {
    expectVicidialAnswer(await api('alt_user=nobody&lead_id=2'), 'ERROR: no user found - nobody\nERROR: agent_user is not logged in - \n');
    expectVicidialAnswer(await api('agent_user=6666&vendor_lead_code=DEMO-1'), 'ERROR: agent_user is not logged in - 6666\n');
  });
});
