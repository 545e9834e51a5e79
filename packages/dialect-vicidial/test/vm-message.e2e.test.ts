import type { TestGateway } from '@pbx-gateway/test-support';
import { AUTH, agentGet, expectVicidialAnswer, sharedGateway } from './support/vicidial-test-kit';

// vm_message (spec §3.2): the audio a lead's voicemail drop leaves, set
// while the lead is on the agent's screen; transfer_conference LEAVE_VM then
// plays those files to the customer, one after the other, instead of the
// usual message. Every response line of the function.

const gateway = sharedGateway({ agentInConference: '1000' });
const api = (query: string) => agentGet(gateway(), `${AUTH}&${query}`);
const ORIGIN = { dialect: 'vicidial', operation: 'test', apiUserId: null };

async function customerCall(gw: TestGateway, leadId?: number): Promise<string> {
  await gw.waitFor(async () => (await gw.core.getAgentSession('1000'))?.state === 'ready', 15000, 'agent 1000 ready');
  const { callId } = await gw.core.startAgentCustomerCall({ agentId: '1000', number: '5550100', callerId: null, origin: ORIGIN, ...(leadId === undefined ? {} : { leadId }) });
  await gw.waitFor(async () => (await gw.core.getCall(callId))?.legs.some((leg) => leg.role === 'customer' && leg.state === 'up'), 15000, 'customer up');
  return callId;
}

async function cdrOf(gw: TestGateway, callId: string) {
  return gw.waitFor(async () => (await gw.core.getCdrOfCall(callId)) ?? undefined, 15000, `the CDR of ${callId}`);
}

afterEach(async () => {
  const gw = gateway();
  await gw.waitFor(async () => (await gw.core.getAgentSession('1000'))?.state !== 'in_call', 15000, 'agent 1000 out of its call');
  if ((await gw.core.getAgentSession('1000'))?.state === 'wrap_up') await gw.core.resumeAgent({ agentId: '1000' });
});

test('the lead’s message is what LEAVE_VM leaves the customer with, its files one after the other', async () => {
  const gw = gateway();
  const callId = await customerCall(gw, 2);
  expectVicidialAnswer(await api('function=vm_message&value=hello-world|beep&agent_user=1000'), 'SUCCESS: vm_message function set - 1000|2|hello-world|beep|\n');
  expectVicidialAnswer(await api('function=vm_message&value=beep|hello-world&agent_user=1000&lead_id=2'), 'SUCCESS: vm_message function set - 1000|2|beep|hello-world|\n');
  expect(await gw.core.getLeadVoicemailMessage(2)).toMatchObject({ leadId: 2, files: ['beep', 'hello-world'], setBy: '1000' });

  const id = callId.replace('.', '_');
  expectVicidialAnswer(await api('function=transfer_conference&value=LEAVE_VM&agent_user=1000'), `SUCCESS: transfer_conference function set - LEAVE_VM|||NO|1000|${id}|\n`);
  await cdrOf(gw, callId);
  const played = await gw.query<{ media: string; finish_cause: string }>('SELECT media, finish_cause FROM playbacks WHERE call_id = $1', [callId]);
  expect(played).toEqual([{ media: 'sound:beep,sound:hello-world', finish_cause: 'done' }]);
});

test('a lead without a message of its own leaves the usual one', async () => {
  const gw = gateway();
  const callId = await customerCall(gw, 3);
  await api('function=transfer_conference&value=LEAVE_VM&agent_user=1000');
  await cdrOf(gw, callId);
  const played = await gw.query<{ media: string }>('SELECT media FROM playbacks WHERE call_id = $1', [callId]);
  expect(played).toEqual([{ media: 'sound:vm-goodbye' }]);
});

test('refusals: not valid, allow-list, no user, not logged in, no live call, another lead, a file it would not play', async () => {
  const gw = gateway();
  expectVicidialAnswer(await api('function=vm_message&value=&agent_user=1000&lead_id=7'), 'ERROR: vm_message not valid - 7||1000\n');
  expectVicidialAnswer(await api('function=vm_message&value=beep'), 'ERROR: vm_message not valid - |beep|\n');
  expectVicidialAnswer(
    await agentGet(gw, 'source=test&user=6668&pass=1234&function=vm_message&value=beep&agent_user=1000&lead_id=7'),
    'ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - 7|6668|vm_message|AGENTS\n',
  );
  expectVicidialAnswer(await api('function=vm_message&value=beep&alt_user=nobody'), 'ERROR: no user found - nobody\nERROR: agent_user is not logged in - \n');
  expectVicidialAnswer(await api('function=vm_message&value=beep&agent_user=9999'), 'ERROR: agent_user is not logged in - 9999\n');
  expectVicidialAnswer(await api('function=vm_message&value=beep&agent_user=1000'), 'ERROR: agent_user does not have a live call - 1000\n');

  const callId = await customerCall(gw, 1);
  expectVicidialAnswer(await api('function=vm_message&value=beep&agent_user=1000&lead_id=2'), 'ERROR: current call does not match lead_id submitted - 1000\n');
  expectVicidialAnswer(await api('function=vm_message&value=-beep|x&agent_user=1000'), 'ERROR: vm_message not valid - |-beep|x|1000\n');
  expect(await gw.core.getLeadVoicemailMessage(1)).toBeNull();
  await gw.core.hangupAgentCustomer({ agentId: '1000' });
  await cdrOf(gw, callId);
});
