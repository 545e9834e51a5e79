import { DomainError } from '../src';
import {
  agent,
  trunk,
  connectedCustomerCall,
  loginPlain,
  loginWithConference,
  ORIGIN,
  createTestCore,
  type TestCore,
} from '@pbx-gateway/test-support';

type Command = (t: TestCore) => Promise<unknown>;

const setup = (): Promise<TestCore> =>
  createTestCore({ directory: { agents: [agent('1000'), agent('1001')], trunks: [trunk(1)] } });

async function outcome(work: Promise<unknown>): Promise<string> {
  try {
    const value = await work;
    return typeof value === 'string' ? `ok:${value}` : 'ok';
  } catch (error) {
    if (error instanceof DomainError) return `error:${error.code}`;
    throw error;
  }
}

/** What a client could observe of agent 1000 once everything settled. */
async function observe(t: TestCore): Promise<string> {
  const session = await t.core.getAgentSession('1000');
  const playback = await t.core.activeAgentPlayback('1000');
  const live = await t.core.listLiveCalls();
  const sessionText = session
    ? `${session.state}/${session.pauseReason ?? '-'}/pendingPause=${session.pendingPause?.reason ?? '-'}/pendingLogout=${session.pendingLogout}`
    : 'logged out';
  return `${sessionText} playback=${playback ? playback.state : 'none'} liveCalls=${live.length} cdrs=${(await t.store.direct.cdrs.list()).length}`;
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [items.slice()];
  return items.flatMap((item, index) => permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]));
}

/**
 * Runs `commands` at once on one core, and one after the other in every
 * order on fresh cores; the parallel result (each command's outcome and the
 * final state) must be one a sequential order produces.
 */
async function expectSerialisable(prepare: (t: TestCore) => Promise<void>, commands: readonly Command[], finish: (t: TestCore) => Promise<void> = async () => undefined): Promise<void> {
  const sequential = new Set<string>();
  for (const order of permutations(commands.map((command, index) => ({ command, index })))) {
    const t = await setup();
    await prepare(t);
    const outcomes: string[] = new Array<string>(commands.length);
    for (const { command, index } of order) {
      outcomes[index] = await outcome(command(t));
      await t.settle();
    }
    await finish(t);
    sequential.add(`${outcomes.join(' ')} => ${await observe(t)}`);
  }

  const t = await setup();
  await prepare(t);
  const outcomes = await Promise.all(commands.map((command) => outcome(command(t))));
  await t.settle();
  await finish(t);
  const parallel = `${outcomes.join(' ')} => ${await observe(t)}`;
  expect([...sequential]).toContain(parallel);
  expect(t.store.openTransactions).toBe(0);
}

const pause = (reason: string): Command => (t) => t.core.pauseAgent({ agentId: '1000', reason });
const resume: Command = (t) => t.core.resumeAgent({ agentId: '1000' });
const logout = (whenInCall: 'defer' | 'refuse' | 'force'): Command => (t) => t.core.logoutAgent({ agentId: '1000', whenInCall });
const playInConference: Command = (t) => t.core.startAgentPlayback({ agentId: '1000', media: { kind: 'sound', name: 'x' }, placement: 'conference' });
const stopPlayback: Command = (t) => t.core.controlAgentPlayback({ agentId: '1000', action: 'stop' });

describe('conflicting commands for one agent at the same time', () => {
  it('pause, resume, playback, stop and logout of a ready agent', async () => {
    await expectSerialisable((t) => loginWithConference(t, '1000').then(() => undefined), [pause('A'), resume, playInConference, stopPlayback, logout('defer')]);
  });

  it('logout, pause, hangup and the customer hanging up during a call', async () => {
    let customerLegId = '';
    await expectSerialisable(
      async (t) => {
        await loginPlain(t, '1000');
        customerLegId = (await connectedCustomerCall(t, '1000')).customerLegId;
      },
      [
        logout('defer'),
        pause('rest:1'),
        (t) => t.core.hangupAgentCustomer({ agentId: '1000' }),
        (t) => t.endLeg(customerLegId),
        logout('refuse'),
      ],
      (t) => t.confirmHangups(),
    );
  });

  it('lets only one of two logins in', async () => {
    const t = await setup();
    const results = await Promise.all([
      outcome(t.core.loginAgent({ agentId: '1000', via: 'ccgateway', phoneNumber: '1000' })),
      outcome(t.core.loginAgent({ agentId: '1000', via: 'vicidial', phoneNumber: '2000' })),
    ]);
    expect(results).toEqual(['ok', 'error:AGENT_ALREADY_LOGGED_IN']);
    expect(t.eventTypes('AgentLoggedIn')).toHaveLength(1);
  });

  it('starts only one of two playbacks', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    const results = await Promise.all([outcome(playInConference(t)), outcome(t.core.startAgentPlayback({ agentId: '1000', media: { kind: 'sound', name: 'y' }, placement: 'agent' })), outcome(t.core.startAgentPlayback({ agentId: '1000', media: { kind: 'sound', name: 'z' }, placement: 'agent' }))]);
    expect(results).toEqual(['error:SESSION_HAS_NO_CONFERENCE', 'ok', 'error:PLAYBACK_ALREADY_ACTIVE']);
    expect(t.pbx.originated()).toHaveLength(1);
  });

  it('dials only one customer of two at once', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    const dial = (number: string) => outcome(t.core.startAgentCustomerCall({ agentId: '1000', number, callerId: null, origin: ORIGIN }));
    expect(await Promise.all([dial('5550100'), dial('5550101')])).toEqual(['ok', 'error:AGENT_BUSY']);
    expect(await t.core.listLiveCalls()).toHaveLength(1);
  });
});

describe('different agents at the same time', () => {
  it('do not wait for each other or mix their states', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    await loginPlain(t, '1001');
    await Promise.all([
      t.core.pauseAgent({ agentId: '1000', reason: 'A' }),
      t.core.startAgentCustomerCall({ agentId: '1001', number: '5550100', callerId: null, origin: ORIGIN }),
      t.core.resumeAgent({ agentId: '1000' }),
      t.core.pauseAgent({ agentId: '1001', reason: 'B' }),
    ]);
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'ready', pauseReason: null });
    expect(await t.core.getAgentSession('1001')).toMatchObject({ state: 'in_call', pendingPause: { reason: 'B' } });
  });
});
