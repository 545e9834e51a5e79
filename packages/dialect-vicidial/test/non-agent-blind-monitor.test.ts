import { callIdOfWire } from '../src/wire/call-id';
import { NON_AGENT_PROVISIONING } from './support/non-agent-provisioning';
import { expectVicidialAnswer, nonAgentGet, sharedGateway, type WireResponse } from './support/vicidial-test-kit';

// Non-Agent blind_monitor: every response line, and the supervisor's phone
// (the demo extension 100, SIP user sip100) ringing and then joining agent
// 1000's conference 8600051 on the demo server 10.10.10.15 as each stage asks.

const gateway = sharedGateway({ agentInConference: '1000', overrides: { extraProvisioning: NON_AGENT_PROVISIONING } });

const api = (query: string, user = '6666') => nonAgentGet(gateway(), `source=test&user=${user}&pass=1234&function=blind_monitor&${query}`);

const SESSION = 'session_id=8600051&server_ip=10.10.10.15';
const LAUNCHED = /^SUCCESS: blind_monitor HAS BEEN LAUNCHED - sip100\|010\*010\*010\*015\*([0-9]*)8600051\|100\|8600051\|([-_0-9a-zA-Z]+)\|6666\n$/;

/** The supervision a launched line names, once the supervisor's phone listens, then hung up again. */
async function supervisionOf(response: WireResponse): Promise<{ prefix: string; mode: string; targetLegId: string }> {
  const [, prefix, commandId] = LAUNCHED.exec(response.text) ?? [];
  expect(commandId).toBeDefined();
  const callId = callIdOfWire(commandId!);
  const joined = await gateway().waitFor(async () => {
    const found = await gateway().core.getCall(callId);
    return found?.call.purpose === 'supervision' && found.call.progress.stage === 'supervising' ? found : false;
  }, 8000, 'the supervisor phone in the conference');
  const supervisor = joined.legs.find((leg) => leg.role === 'supervisor');
  await gateway().core.hangupChannel({ channelName: supervisor!.channelName! });
  await gateway().waitFor(async () => (await gateway().core.getCall(callId))?.call.state === 'ended', 8000, 'the supervision to end');
  const progress = joined.call.progress as { mode: string; targetLegId: string };
  return { prefix: prefix!, mode: progress.mode, targetLegId: progress.targetLegId };
}

const agentLegId = async (): Promise<string | null | undefined> => (await gateway().core.getAgentSession('1000'))?.conference?.agentLegId;

test('without API access: no permission', async () => {
  expectVicidialAnswer(await api(`phone_login=sip100&${SESSION}`, '6667'), 'ERROR: blind_monitor USER DOES NOT HAVE PERMISSION TO BLIND MONITOR: |6667|0|\n');
});

test('no session with that conference on that server: INVALID SESSION ID', async () => {
  expectVicidialAnswer(await api('phone_login=sip100&session_id=8600099&server_ip=10.10.10.15'), 'ERROR: blind_monitor INVALID SESSION ID - 8600099|10.10.10.15|6666\n');
  expectVicidialAnswer(await api('phone_login=sip100&session_id=8600051&server_ip=10.10.10.16'), 'ERROR: blind_monitor INVALID SESSION ID - 8600051|10.10.10.16|6666\n');
  expectVicidialAnswer(await api('phone_login=sip100'), 'ERROR: blind_monitor INVALID SESSION ID - ||6666\n');
});

test('a session whose agent has no phone in the conference: INVALID SESSION ID', async () => {
  // Agent 1005's session has conference 8600055 but its phone was never connected to it.
  expectVicidialAnswer(await api('phone_login=sip100&session_id=8600055&server_ip=10.10.10.15'), 'ERROR: blind_monitor INVALID SESSION ID - 8600055|10.10.10.15|6666\n');
});

test('a phone login the directory does not have: INVALID PHONE LOGIN', async () => {
  expectVicidialAnswer(await api(`phone_login=nophone&${SESSION}`), 'ERROR: blind_monitor INVALID PHONE LOGIN - nophone|6666\n');
  expectVicidialAnswer(await api(SESSION), 'ERROR: blind_monitor INVALID PHONE LOGIN - |6666\n');
});

test.each([
  ['', '0', 'listen'],
  ['&stage=MONITOR', '0', 'listen'],
  ['&stage=BARGE', '', 'barge'],
  ['&stage=BARGESWAP', '', 'barge'],
  ['&stage=WHISPER', '47378218', 'whisper'],
])('launched%s: the dial string prefix, and the phone joins the agent in its conference as asked', async (stage, prefix, mode) => {
  const response = await api(`phone_login=sip100&${SESSION}${stage}`);
  expect(await supervisionOf(response)).toEqual({ prefix, mode, targetLegId: await agentLegId() });
});
