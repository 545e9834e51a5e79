import type { AgentSession, DomainEvent, EventPush, JsonValue, Leg, NewOutboxMessage, StoreTransaction } from '@pbx-gateway/core';
import { createCcgatewayProjector, MAILBOX_CHANNEL } from '../src';
import { ALL_AGENTS_CHANNEL } from '../src/projector';
import { eventFromMessage, renderEvent } from '../src/wire/events';

const at = new Date('2024-05-01T08:00:00.000Z');
const T = at.getTime();

/** `inspectors`: the agents signed in through CC-Gateway with the inspection right (none unless a test says so). */
function fakeTx(loginVia: AgentSession['loginVia'] | null, leg: Partial<Leg> | null = null, eventPush: EventPush | null = null, inspectors: readonly string[] = []) {
  const written: Array<{ agentId: string; channel: string; message: JsonValue }> = [];
  const cleared: string[] = [];
  const clearedAll: string[] = [];
  const revoked: Array<{ kind: string; subject: string }> = [];
  const pushed: Array<{ message: NewOutboxMessage; now: Date }> = [];
  const discarded: Array<{ id?: string; orderingKey?: string | null }> = [];
  const tx = {
    tokens: { deleteBySubject: async (kind: string, subject: string) => void revoked.push({ kind, subject }) },
    sessions: {
      get: async (agentId: string) =>
        inspectors.includes(agentId)
          ? ({ agentId, loginVia: 'ccgateway' } as AgentSession)
          : loginVia && agentId !== '299'
            ? ({ agentId, loginVia, eventPush } as AgentSession)
            : null,
    },
    // Inspector 299 holds the right but is not signed in.
    agents: {
      findByAttribute: async (name: string, value: string) =>
        name === 'ccgateway_inspector' && value === '1' ? [...inspectors, '299'].map((id) => ({ id, attributes: { ccgateway_inspector: '1' } })) : [],
    },
    outbox: {
      add: async (message: NewOutboxMessage, now: Date) => void pushed.push({ message, now }),
      discardPending: async (which: { id?: string; orderingKey?: string | null }) => {
        discarded.push(which);
        return 0;
      },
    },
    calls: {
      getLeg: async (id: string) => (leg ? ({ id, answeredAt: null, cause: null, ...leg } as Leg) : null),
      // The playback call of these events is not an inbound (skill) call.
      get: async (id: string) => ({ id, purpose: 'agent_playback' }),
    },
    mailbox: {
      append: async (agentId: string, channel: string, message: JsonValue) => void written.push({ agentId, channel, message }),
      clear: async (agentId: string, channel: string) => void (channel === MAILBOX_CHANNEL ? cleared : clearedAll).push(agentId),
    },
  } as unknown as StoreTransaction;
  return { tx, written, cleared, clearedAll, revoked, pushed, discarded };
}

async function wire(event: DomainEvent, loginVia: AgentSession['loginVia'] | null = 'ccgateway', leg: Partial<Leg> | null = null): Promise<string[]> {
  const { tx, written } = fakeTx(loginVia, leg);
  await createCcgatewayProjector().project(event, tx);
  for (const entry of written) expect(entry.channel).toBe(MAILBOX_CHANNEL);
  return written.map((entry) => renderEvent(eventFromMessage(entry.message)!));
}

const ev = (type: string, content = 'null'): string => `{"eventType":"${type}","workNo":"101","content":${content},"eventGenTime":${T}}`;

describe('CC-Gateway projector: domain events → wire events (spec §6.3, §8.1)', () => {
  test('sign-in idle: InService, Ready; the mailbox starts empty', async () => {
    const { tx, written, cleared } = fakeTx('ccgateway');
    await createCcgatewayProjector().project({ type: 'AgentLoggedIn', agentId: '101', state: 'ready', pauseReason: null, at }, tx);
    expect(cleared).toEqual(['101']);
    expect(written.map((entry) => renderEvent(eventFromMessage(entry.message)!))).toEqual([ev('AgentOther_InService'), ev('AgentState_Ready')]);
  });

  test('a sign-out revokes the GUIDs of the agent, whichever way it had signed in', async () => {
    for (const via of ['ccgateway', 'vicidial'] as const) {
      const { tx, revoked } = fakeTx(null);
      await createCcgatewayProjector().project({ type: 'AgentLoggedOut', agentId: '101', via, reason: 'forced', at }, tx);
      expect(revoked).toEqual([{ kind: 'ccgateway-guid', subject: '101' }]);
    }
  });

  test('sign-in busy (status 3): InService, Ready, SetNotReady_Success', async () => {
    expect(await wire({ type: 'AgentLoggedIn', agentId: '101', state: 'paused', pauseReason: 'busy:0', at })).toEqual([
      ev('AgentOther_InService'),
      ev('AgentState_Ready'),
      ev('AgentState_SetNotReady_Success', '{"reason":"0"}'),
    ]);
  });

  test('sign-in in wrap-up (status 5): InService, Ready, Work', async () => {
    expect(await wire({ type: 'AgentLoggedIn', agentId: '101', state: 'wrap_up', pauseReason: null, at })).toEqual([
      ev('AgentOther_InService'),
      ev('AgentState_Ready'),
      ev('AgentState_Work'),
    ]);
  });

  test.each<[string, DomainEvent, string[]]>([
    ['sign-out', { type: 'AgentLoggedOut', agentId: '101', via: 'ccgateway', reason: 'requested', at }, [ev('AgentOther_ShutdownService')]],
    ['busy for a call', { type: 'AgentStateChanged', agentId: '101', from: 'ready', to: 'in_call', reason: 'playback', at }, [ev('AgentState_Busy')]],
    ['idle after a call', { type: 'AgentStateChanged', agentId: '101', from: 'in_call', to: 'ready', reason: null, at }, [ev('AgentState_Ready')]],
    ['wrap-up after a call', { type: 'AgentStateChanged', agentId: '101', from: 'in_call', to: 'wrap_up', reason: null, at }, [ev('AgentState_Work')]],
    ['busy with a reason', { type: 'AgentStateChanged', agentId: '101', from: 'ready', to: 'paused', reason: 'busy:203', at }, [ev('AgentState_SetNotReady_Success', '{"reason":"203"}')]],
    ['busy again with a new reason', { type: 'AgentStateChanged', agentId: '101', from: 'paused', to: 'paused', reason: 'busy:204', at }, [ev('AgentState_SetNotReady_Success', '{"reason":"204"}')]],
    ['busy through another dialect', { type: 'AgentStateChanged', agentId: '101', from: 'ready', to: 'paused', reason: 'LUNCH', at }, [ev('AgentState_SetNotReady_Success', '{"reason":"0"}')]],
    ['busy cancelled', { type: 'AgentStateChanged', agentId: '101', from: 'paused', to: 'ready', reason: null, at }, [ev('AgentState_CancelNotReady_Success'), ev('AgentState_Ready')]],
    ['wrap-up ended', { type: 'AgentStateChanged', agentId: '101', from: 'wrap_up', to: 'ready', reason: null, at }, [ev('AgentState_CancelWork_Success'), ev('AgentState_Ready')]],
    ['rest', { type: 'AgentStateChanged', agentId: '101', from: 'ready', to: 'paused', reason: 'rest:3', at }, [ev('AgentState_SetRest_Success')]],
    ['rest time over', { type: 'AgentPauseLimitReached', agentId: '101', reason: 'rest:3', at }, [ev('AgentState_Rest_Timeout')]],
    ['a pause of another kind given a length says nothing when it is over', { type: 'AgentPauseLimitReached', agentId: '101', reason: 'LUNCH', at }, []],
    ['rest cancelled', { type: 'AgentStateChanged', agentId: '101', from: 'paused', to: 'ready', reason: null, endedPause: 'rest:0', at }, [ev('AgentState_CancelRest_Success'), ev('AgentState_Ready')]],
    ['wrap-up asked for', { type: 'AgentStateChanged', agentId: '101', from: 'ready', to: 'wrap_up', reason: 'requested', at }, [ev('AgentState_SetWork_Success'), ev('AgentState_Work')]],
    ['a skill call offered: no busy yet', { type: 'AgentStateChanged', agentId: '101', from: 'ready', to: 'in_call', reason: 'queued_call', at }, []],
    ['phone rings', { type: 'AgentPhoneRinging', agentId: '101', callId: 'c', legId: 'c.1', at }, [ev('AgentOther_PhoneAlerting')]],
    ['phone off hook', { type: 'AgentPhoneAnswered', agentId: '101', callId: 'c', legId: 'c.1', at }, [ev('AgentOther_PhoneOffhook', '{"type":"main"}')]],
    ['phone released by the platform', { type: 'AgentPhoneReleased', agentId: '101', callId: 'c', legId: 'c.1', by: 'system', at }, [ev('AgentOther_PhoneRelease', '{"phoneState":3}')]],
    ['phone hung up by the agent', { type: 'AgentPhoneReleased', agentId: '101', callId: 'c', legId: 'c.1', by: 'agent', at }, [ev('AgentOther_PhoneRelease', '{"phoneState":2}')]],
    ['playback started', { type: 'PlaybackStarted', playbackId: 'p', agentId: '101', callId: null, at }, [ev('AgentMediaEvent_Play_Succ'), ev('AgentMediaEvent_Play')]],
    ['playback paused', { type: 'PlaybackPaused', playbackId: 'p', agentId: '101', callId: null, at }, [ev('AgentMediaEvent_PausePlayDone')]],
    ['playback resumed', { type: 'PlaybackResumed', playbackId: 'p', agentId: '101', callId: null, at }, [ev('AgentMediaEvent_ResumePlayDone')]],
    ['playback jumped', { type: 'PlaybackJumped', playbackId: 'p', agentId: '101', callId: null, positionMs: 5000, at }, [ev('AgentMediaEvent_JumpPlayDone')]],
    ['playback ended', { type: 'PlaybackFinished', playbackId: 'p', agentId: '101', callId: null, cause: 'done', at }, [ev('AgentMediaEvent_StopPlayDone', '{"cause":0}')]],
    ['playback stopped', { type: 'PlaybackFinished', playbackId: 'p', agentId: '101', callId: null, cause: 'stopped', at }, [ev('AgentMediaEvent_StopPlayDone', '{"cause":1}')]],
    [
      'playback failed',
      { type: 'PlaybackFinished', playbackId: 'p', agentId: '101', callId: null, cause: 'failed', at },
      [ev('AgentMediaEvent_Play_Fail'), ev('AgentMediaEvent_StopPlayDone', '{"cause":2}')],
    ],
  ])('%s', async (_name, event, expected) => {
    expect(await wire(event)).toEqual(expected);
  });

  test('agents of other dialects get nothing, their sign-outs included', async () => {
    expect(await wire({ type: 'AgentStateChanged', agentId: '101', from: 'ready', to: 'in_call', reason: null, at }, 'vicidial')).toEqual([]);
    expect(await wire({ type: 'PlaybackStarted', playbackId: 'p', agentId: '101', callId: null, at }, 'vicidial')).toEqual([]);
    expect(await wire({ type: 'AgentLoggedIn', agentId: '101', state: 'ready', pauseReason: null, at }, 'voipsun')).toEqual([]);
    expect(await wire({ type: 'PlaybackFinished', playbackId: 'p', agentId: '101', callId: null, cause: 'stopped', at }, null)).toEqual([]);
    expect(await wire({ type: 'AgentLoggedOut', agentId: '101', via: 'vicidial', reason: 'idle_timeout', at }, null)).toEqual([]);
    expect(await wire({ type: 'AgentLoggedOut', agentId: '101', via: 'ccgateway', reason: 'idle_timeout', at }, null)).toEqual([ev('AgentOther_ShutdownService')]);
  });

  test('events without an agent, and call bookkeeping, cost nothing', async () => {
    const { tx, written } = fakeTx('ccgateway');
    const projector = createCcgatewayProjector();
    await projector.project({ type: 'PlaybackStarted', playbackId: 'p', agentId: null, callId: 'c', at }, tx);
    await projector.project({ type: 'AgentPausePending', agentId: '101', reason: null, at }, tx);
    expect(written).toEqual([]);
  });
});

describe('CC-Gateway projector: push mode (spec §6.2)', () => {
  const push: EventPush = { url: 'https://crm.example/events', headers: { 'Content-Type': 'application/json;charset=UTF-8', Guid: 'g-1.AgentGateway0', service_token: 'secret' } };

  test('a push session\'s sign-in becomes one outbox message with its events oldest first; the mailbox stays empty; earlier pushes are dropped', async () => {
    const { tx, written, pushed, discarded, cleared } = fakeTx('ccgateway', null, push);
    await createCcgatewayProjector({ pushRetryEveryMs: 10_000, pushRetryForMs: 120_000 }).project({ type: 'AgentLoggedIn', agentId: '101', state: 'paused', pauseReason: 'busy:0', at }, tx);
    expect(written).toEqual([]);
    expect(cleared).toEqual(['101']);
    expect(discarded).toEqual([{ orderingKey: 'ccgateway-push:101' }]);
    expect(pushed).toEqual([
      {
        now: at,
        message: {
          topic: 'ccgateway.events',
          orderingKey: 'ccgateway-push:101',
          url: 'https://crm.example/events',
          headers: push.headers,
          body: `{"workNo":"101","eventList":[${ev('AgentOther_InService')},${ev('AgentState_Ready')},${ev('AgentState_SetNotReady_Success', '{"reason":"0"}')}]}`,
          retry: { everyMs: 10_000, forMs: 120_000, signOutAgent: '101' },
        },
      },
    ]);
  });

  test('the retry schedule comes from the settings', async () => {
    const { tx, pushed } = fakeTx('ccgateway', null, push);
    await createCcgatewayProjector({ pushRetryEveryMs: 100, pushRetryForMs: 500 }).project({ type: 'PlaybackStarted', playbackId: 'p', agentId: '101', callId: null, at }, tx);
    expect(pushed.map((entry) => entry.message.retry)).toEqual([{ everyMs: 100, forMs: 500, signOutAgent: '101' }]);
    expect(pushed.map((entry) => entry.message.body)).toEqual([`{"workNo":"101","eventList":[${ev('AgentMediaEvent_Play_Succ')},${ev('AgentMediaEvent_Play')}]}`]);
  });

  test('a domain event with no wire event pushes nothing', async () => {
    const { tx, pushed } = fakeTx('ccgateway', null, push);
    await createCcgatewayProjector().project({ type: 'AgentStateChanged', agentId: '101', from: 'ready', to: 'ready', reason: null, at }, tx);
    expect(pushed).toEqual([]);
  });

  test('a sign-out is pushed to where the session\'s events went, except when that receiver is why it ended', async () => {
    const signedOut = fakeTx(null);
    await createCcgatewayProjector().project({ type: 'AgentLoggedOut', agentId: '101', via: 'ccgateway', reason: 'requested', eventPush: push, at }, signedOut.tx);
    expect(signedOut.pushed.map((entry) => [entry.message.url, entry.message.body])).toEqual([[push.url, `{"workNo":"101","eventList":[${ev('AgentOther_ShutdownService')}]}`]]);
    expect(signedOut.written).toEqual([]);

    const givenUp = fakeTx(null);
    await createCcgatewayProjector().project({ type: 'AgentLoggedOut', agentId: '101', via: 'ccgateway', reason: 'push_failed', eventPush: push, at }, givenUp.tx);
    expect(givenUp.pushed).toEqual([]);
    expect(givenUp.written).toEqual([]);
    expect(givenUp.revoked).toEqual([{ kind: 'ccgateway-guid', subject: '101' }]);
  });
});

describe('CC-Gateway projector: the all-agents queues of inspectors (allagentevent)', () => {
  test("an agent's events are also written, in order, to every inspector signed in through CC-Gateway; an inspector not signed in gets none", async () => {
    const { tx, written } = fakeTx('ccgateway', null, null, ['201', '202']);
    await createCcgatewayProjector().project({ type: 'AgentLoggedIn', agentId: '101', state: 'ready', pauseReason: null, at }, tx);
    const rendered = (agentId: string, channel: string): string[] =>
      written.filter((entry) => entry.agentId === agentId && entry.channel === channel).map((entry) => renderEvent(eventFromMessage(entry.message)!));
    const events = [ev('AgentOther_InService'), ev('AgentState_Ready')];
    expect(rendered('101', MAILBOX_CHANNEL)).toEqual(events);
    expect(rendered('201', ALL_AGENTS_CHANNEL)).toEqual(events);
    expect(rendered('202', ALL_AGENTS_CHANNEL)).toEqual(events);
    expect(written.filter((entry) => entry.agentId === '299')).toEqual([]);
  });

  test("an inspector's sign-in empties its all-agents queue first; a push agent's events reach inspectors too", async () => {
    const signIn = fakeTx('ccgateway', null, null, ['201']);
    await createCcgatewayProjector().project({ type: 'AgentLoggedIn', agentId: '201', state: 'ready', pauseReason: null, at }, signIn.tx);
    expect(signIn.clearedAll).toEqual(['201']);
    const push = fakeTx('ccgateway', null, { url: 'https://crm.example.com/e', headers: { service_token: 't' } }, ['201']);
    await createCcgatewayProjector().project({ type: 'AgentStateChanged', agentId: '101', from: 'ready', to: 'paused', reason: 'rest:0', at }, push.tx);
    expect(push.pushed).toHaveLength(1);
    expect(push.written.map((entry) => `${entry.agentId} ${entry.channel}`)).toEqual([`201 ${ALL_AGENTS_CHANNEL}`]);
  });

  test('an agent of another dialect is copied to no inspector', async () => {
    const { tx, written } = fakeTx('vicidial', null, null, ['201']);
    await createCcgatewayProjector().project({ type: 'AgentLoggedIn', agentId: '101', state: 'ready', pauseReason: null, at }, tx);
    expect(written).toEqual([]);
  });
});
