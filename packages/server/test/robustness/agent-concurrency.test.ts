import { isActivePlayback } from '@pbx-gateway/core';
import { startTestGateway, TEST_MEDIA, type TestGateway } from '@pbx-gateway/test-support';
import {
  CountingClient,
  ccgatewayOutcome,
  pollEvent,
  retcodeOf,
  sendCcgateway,
  sendVicidial,
  signIn,
  VICIDIAL_SOUND,
  vicidialOutcome,
  type CcgatewayCommand,
  type PollAnswer,
  type VicidialCommand,
} from './support/agent-command-wire';
import { callEnded, ccgatewaySteps, loggedOut, sameAgent, vicidialSteps, type AgentModel } from './support/agent-state-models';
import { seededRandom, type SeededRandom } from '@pbx-gateway/test-support';
import { findSequentialOrder, isSubMultiset, sameMultiset, type ObservedCommand } from './support/sequential-order-search';

/**
 * Conflicting commands for the same agent, sent at once: VICIdial agent 1000
 * (in its conference) and CC-Gateway agents 101 and 102, each round a
 * seeded mix of 4–5 commands. The core runs one agent's commands one at a
 * time, so whatever the interleaving, the answers and the state the agent is
 * left in must be those of SOME sequential order of the same commands: the
 * test models the agent from the documents and searches the orders for one
 * that explains every answer, the final state (core and dialect views) and,
 * for CC-Gateway, the events the polls handed out.
 */

const ITERATIONS = 12;
const LONG_MS = 600000;
const CC_AGENTS = [
  { id: '101', password: '', phone: '40038' },
  { id: '102', password: 'Agent@102', phone: '102' },
] as const;
const PHONES = ['PJSIP/1000', 'PJSIP/40038', 'PJSIP/102'];
const VICIDIAL_MIX: VicidialCommand[] = ['pause', 'pause', 'resume', 'resume', 'logout', 'play', 'playOver', 'stop', 'hangup'];
const CCGATEWAY_MIX: CcgatewayCommand[] = ['sayBusy', 'sayBusy', 'sayFree', 'sayFree', 'signOut', 'play', 'play', 'status'];

describe('conflicting commands for one agent, sent in parallel', () => {
  let gw: TestGateway;
  let client: CountingClient;
  const guids = new Map<string, string>();

  beforeAll(async () => {
    gw = await startTestGateway({
      // Audio outlasts every round, so only the commands end it.
      sim: { media: { ...TEST_MEDIA, [VICIDIAL_SOUND]: LONG_MS, 'recordings/1/0/20180621/105/1406470': LONG_MS } },
      dialects: { ccgateway: { pollWaitMs: 250 } },
    });
    client = new CountingClient(gw.http);
  });

  afterAll(async () => {
    await gw?.close();
  });

  async function readAgent(agentId: string): Promise<AgentModel> {
    const session = await gw.core.getAgentSession(agentId);
    if (!session) return loggedOut;
    expect(session.afterCall).toBe('ready');
    const playback = await gw.core.activeAgentPlayback(agentId);
    return {
      loggedIn: true,
      state: session.state,
      stateBeforeCall: session.state === 'in_call' ? session.stateBeforeCall : null,
      pendingPause: session.pendingPause !== null,
      pendingLogout: session.pendingLogout,
      audio: playback !== null && isActivePlayback(playback),
      hangupRequested: false,
    };
  }

  /**
   * Waits until none of the agent's phones or customers (every agent's,
   * without one) is still ringing or being hung up and none of its audio is
   * about to start or stop, and the core has nothing running.
   */
  async function settle(agentId?: string): Promise<void> {
    const owner = agentId === undefined ? 'agent-%' : `agent-${agentId}.%`;
    const busy = async (): Promise<number> => {
      await gw.core.idle();
      const legs = await gw.query<{ n: string }>(
        "SELECT count(*) AS n FROM legs WHERE id LIKE $1 AND state <> 'ended' AND (hangup_requested OR state IN ('dialing', 'ringing'))",
        [owner],
      );
      const playbacks = await gw.query<{ n: string }>("SELECT count(*) AS n FROM playbacks WHERE id LIKE $1 AND state IN ('pending', 'finishing')", [owner]);
      return Number(legs[0]!.n) + Number(playbacks[0]!.n);
    };
    await gw.waitFor(async () => (await busy()) === 0 && (await busy()) === 0, 20000, `${agentId === undefined ? 'the agents' : `agent ${agentId}`} quiet`);
  }

  function explain(title: string, details: Record<string, unknown>): string {
    return [title, ...Object.entries(details).map(([name, value]) => `  ${name}: ${JSON.stringify(value)}`)].join('\n');
  }

  async function prepareVicidial(random: SeededRandom): Promise<void> {
    let agent = await readAgent('1000');
    if (!agent.loggedIn) {
      await gw.core.loginAgent({ agentId: '1000', via: 'vicidial', conferenceNumber: '8600051', connectPhone: true, initialState: random.chance(0.5) ? 'paused' : 'ready' });
      await settle('1000');
      agent = await readAgent('1000');
    }
    if (agent.state === 'in_call' && random.chance(0.5)) {
      // The customer hangs up by itself: whatever was pending during the call applies now.
      const session = (await gw.core.getAgentSession('1000'))!;
      const call = (await gw.core.getCall(session.currentCallId!))!;
      const expected = callEnded(agent);
      for (const leg of call.legs.filter((one) => one.role === 'customer' && one.state !== 'ended')) await gw.sim.control.hangup(leg.id);
      await settle('1000');
      expect(await readAgent('1000')).toEqual(expected);
      agent = expected;
    }
    if (agent.loggedIn && agent.state !== 'in_call') {
      if (random.chance(0.5)) {
        if (agent.state === 'paused') await gw.core.resumeAgent({ agentId: '1000' });
        else await gw.core.pauseAgent({ agentId: '1000', reason: null });
      }
      if (random.chance(0.4)) {
        await gw.core.startAgentCustomerCall({ agentId: '1000', number: '800123456', callerId: null, origin: { dialect: 'vicidial', operation: 'external_dial', apiUserId: null } });
      }
    }
    if (agent.loggedIn && !agent.audio && random.chance(0.5)) {
      await gw.core.startAgentPlayback({ agentId: '1000', placement: 'conference', media: { kind: 'sound', name: VICIDIAL_SOUND } });
    }
    await settle('1000');
  }

  async function vicidialRound(random: SeededRandom, where: string): Promise<void> {
    await prepareVicidial(random);
    const initial = await readAgent('1000');
    const commands = Array.from({ length: random.between(4, 5) }, () => random.pick(VICIDIAL_MIX));
    const answers = await Promise.all(commands.map((command) => sendVicidial(client, command)));
    const observed: Array<ObservedCommand<AgentModel>> = commands.map((command, index) => ({ step: vicidialSteps[command], outcome: vicidialOutcome(command, answers[index]!) }));
    await settle('1000');
    const final = await readAgent('1000');
    const found = findSequentialOrder(initial, observed, (model) => sameAgent(model, final));
    if (!found) {
      throw new Error(explain(`${where}, agent 1000: no sequential order explains the answers and the final state`, {
        initial,
        sent: observed.map((command) => `${command.step.label} → ${command.outcome}`),
        final,
      }));
    }
    // The dialect's own view: an unknown stage reports whether audio plays and changes nothing.
    const probe = await client.vicidial('function=audio_playback&value=x&stage=CHECK');
    expect(probe.text).toBe(
      !final.loggedIn
        ? 'ERROR: agent_user is not logged in - CHECK|1000\n'
        : final.audio
          ? 'SUCCESS: audio_playback function sent - x|CHECK|1000\n'
          : 'ERROR: audio_playback error - no audio playing in agent session - 8600051|10.10.10.15|CHECK|1000\n',
    );
  }

  /** Polls until the agent's queue is empty; the events taken, in order. */
  async function drain(agentId: string, guid: string): Promise<PollAnswer[]> {
    const taken: PollAnswer[] = [];
    for (let i = 0; i < 40; i += 1) {
      const answer = await pollEvent(client, agentId, guid);
      if (answer.kind !== 'event') return taken;
      taken.push(answer);
    }
    throw new Error(`agent ${agentId}: the event queue does not run dry`);
  }

  async function prepareCcgateway(agentId: string, password: string, phone: string, random: SeededRandom): Promise<void> {
    let agent = await readAgent(agentId);
    if (agent.loggedIn && agent.state !== 'in_call' && random.chance(0.15)) {
      // Now and then the agent signs in again, in another state (busy, after-call work).
      expect(retcodeOf(await sendCcgateway(client, agentId, guids.get(agentId)!, 'signOut'))).toBe('0');
      agent = loggedOut;
    }
    if (!agent.loggedIn && random.chance(0.85)) {
      guids.set(agentId, await signIn(client, agentId, password, phone, random.pick(['3', '4', '5'] as const)));
      await settle(agentId);
      agent = await readAgent(agentId);
    }
    const guid = guids.get(agentId)!;
    if (agent.loggedIn && agent.state === 'in_call' && random.chance(0.5)) {
      // The recording is stopped: the phone is released and a busy asked for during the call applies.
      const expected = callEnded({ ...agent, audio: false });
      expect(retcodeOf(await client.ccgateway('delete', `/recordplay/${agentId}/stopplay`, guid))).toBe('0');
      await settle(agentId);
      expect(await readAgent(agentId)).toEqual(expected);
      agent = expected;
    }
    if (agent.loggedIn && agent.state !== 'in_call') {
      const draw = random.next();
      const setUp: CcgatewayCommand[] = draw < 0.3 ? ['play', ...(random.chance(0.5) ? (['sayBusy'] as const) : [])] : draw < 0.5 ? ['sayBusy'] : draw < 0.65 ? ['sayFree'] : [];
      for (const command of setUp) {
        await settle(agentId);
        const expected = ccgatewaySteps[command].run(await readAgent(agentId)).outcome;
        expect(ccgatewayOutcome(command, await sendCcgateway(client, agentId, guid, command))).toBe(expected);
      }
    }
    await settle(agentId);
    if (guid && (await readAgent(agentId)).loggedIn) await drain(agentId, guid);
  }

  async function ccgatewayRound(agentId: string, password: string, phone: string, random: SeededRandom, where: string): Promise<void> {
    await prepareCcgateway(agentId, password, phone, random);
    const guid = guids.get(agentId) ?? 'not-signed-in.AgentGateway0';
    const initial = await readAgent(agentId);
    const commands = Array.from({ length: random.between(4, 5) }, () => random.pick(CCGATEWAY_MIX));
    const polls = random.between(1, 2);
    const [answers, polled] = await Promise.all([
      Promise.all(commands.map((command) => sendCcgateway(client, agentId, guid, command))),
      Promise.all(Array.from({ length: polls }, () => pollEvent(client, agentId, guid))),
    ]);
    const observed: Array<ObservedCommand<AgentModel>> = commands.map((command, index) => ({ step: ccgatewaySteps[command], outcome: ccgatewayOutcome(command, answers[index]!) }));
    await settle(agentId);
    const final = await readAgent(agentId);
    const drained = final.loggedIn ? await drain(agentId, guid) : [];
    const events = [...polled, ...drained].flatMap((answer) => (answer.kind === 'event' ? [answer.word] : []));
    const found = findSequentialOrder(initial, observed, (model, predicted) => sameAgent(model, final) && eventsExplained(events, predicted, final.loggedIn));
    if (!found) {
      throw new Error(explain(`${where}, agent ${agentId}: no sequential order explains the answers, the final state and the events`, {
        initial,
        sent: observed.map((command) => `${command.step.label} → ${command.outcome}`),
        final,
        polled,
        drained,
      }));
    }
    // A poll is refused only for an agent who was, or got, signed out.
    const signedOutDuring = !initial.loggedIn || found.order.includes('logout → 0');
    for (const answer of polled) if (answer.kind === 'refused') expect({ answer, signedOutDuring }).toEqual({ answer: { kind: 'refused', retcode: '100-006' }, signedOutDuring: true });
    // The dialect's own view of the final state.
    expect(ccgatewayOutcome('status', await sendCcgateway(client, agentId, guid, 'status'))).toBe(ccgatewaySteps.status.run(final).outcome);
  }

  async function checkInvariants(where: string): Promise<void> {
    await settle();
    const phones = await gw.query<{ endpoint: string; n: string }>(
      "SELECT endpoint, count(*)::text AS n FROM legs WHERE state <> 'ended' AND endpoint = ANY($1) GROUP BY endpoint HAVING count(*) > 1",
      [PHONES],
    );
    expect({ where, phonesWithTwoLiveCalls: phones }).toEqual({ where, phonesWithTwoLiveCalls: [] });
    const impossible = await gw.query(
      `SELECT s.agent_id, s.state, s.current_call_id, s.state_before_call, s.pending_pause, s.pending_logout, c.state AS call_state
         FROM agent_sessions s LEFT JOIN calls c ON c.id = s.current_call_id
        WHERE (s.state = 'in_call') <> (s.current_call_id IS NOT NULL)
           OR (s.state = 'in_call') <> (s.state_before_call IS NOT NULL)
           OR (s.pending_pause AND s.state <> 'in_call')
           OR (s.pending_logout AND s.state <> 'in_call')
           OR (s.current_call_id IS NOT NULL AND (c.id IS NULL OR c.state = 'ended' OR c.agent_id <> s.agent_id))`,
    );
    expect({ where, impossibleSessions: impossible }).toEqual({ where, impossibleSessions: [] });
    const sessions = new Set((await gw.query<{ agent_id: string }>('SELECT agent_id FROM agent_sessions')).map((row) => row.agent_id));
    const activePlaybacks = await gw.query<{ id: string; agent_id: string }>("SELECT id, agent_id FROM playbacks WHERE agent_id IS NOT NULL AND state IN ('pending', 'playing', 'paused')");
    expect({ where, withoutSession: activePlaybacks.filter((playback) => !sessions.has(playback.agent_id)) }).toEqual({ where, withoutSession: [] });
    const perAgent = new Map<string, number>();
    for (const playback of activePlaybacks) perAgent.set(playback.agent_id, (perAgent.get(playback.agent_id) ?? 0) + 1);
    expect({ where, agentsWithTwoPlaybacks: [...perAgent].filter(([, n]) => n > 1) }).toEqual({ where, agentsWithTwoPlaybacks: [] });
    // The engine agrees: no audio of an agent who is logged out is still playing there.
    const enginePlaying = (await gw.sim.control.listPlaybacks()).filter((playback) => playback.state !== 'done').map((playback) => String(playback.id));
    const strays = enginePlaying.filter((id) => /^agent-(\d+)\./.test(id) && !sessions.has(/^agent-(\d+)\./.exec(id)![1]!));
    expect({ where, engineAudioOfLoggedOutAgents: strays }).toEqual({ where, engineAudioOfLoggedOutAgents: [] });
  }

  it.each([20251121, 7, 99])('seed %i: every round ends as some sequential order of its commands would', async (seed) => {
    const randoms = { vicidial: seededRandom(seed), cc101: seededRandom(seed + 101), cc102: seededRandom(seed + 102) };
    for (let iteration = 1; iteration <= ITERATIONS; iteration += 1) {
      const where = `seed ${seed}, round ${iteration}`;
      await Promise.all([
        vicidialRound(randoms.vicidial, where),
        ccgatewayRound(CC_AGENTS[0].id, CC_AGENTS[0].password, CC_AGENTS[0].phone, randoms.cc101, where),
        ccgatewayRound(CC_AGENTS[1].id, CC_AGENTS[1].password, CC_AGENTS[1].phone, randoms.cc102, where),
      ]);
      await checkInvariants(where);
    }
    // Every request reached the API log.
    await gw.waitFor(async () => Number((await gw.query<{ n: string }>('SELECT count(*) AS n FROM api_log'))[0]!.n) >= client.sent, 10000, 'the API log');
    expect(Number((await gw.query<{ n: string }>('SELECT count(*) AS n FROM api_log'))[0]!.n)).toBe(client.sent);
  }, 300000);
});

/**
 * The events the polls handed out against those the order predicts: all of
 * them when the agent is still signed in (nothing lost, nothing twice); after
 * a sign-out the rest of the queue is gone with the session, so a part of
 * them. A poll waiting at the sign-out is told so (ShutdownService) only when
 * there was one.
 */
function eventsExplained(taken: readonly string[], predicted: readonly string[], signedIn: boolean): boolean {
  const shutdown = 'AgentOther_ShutdownService';
  if (taken.includes(shutdown) && !predicted.includes(shutdown)) return false;
  const rest = taken.filter((word) => word !== shutdown);
  const expected = predicted.filter((word) => word !== shutdown);
  return signedIn ? sameMultiset(rest, expected) : isSubMultiset(rest, expected);
}
