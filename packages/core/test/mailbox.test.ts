import { createTestCore } from '@pbx-gateway/test-support';

describe('agent mailbox long poll', () => {
  it('returns waiting messages at once, oldest first', async () => {
    const t = await createTestCore();
    await t.store.direct.mailbox.append('1000', 'ccgateway', { eventType: 'AgentState_Busy' });
    await t.store.direct.mailbox.append('1000', 'ccgateway', { eventType: 'AgentOther_PhoneAlerting' });
    await t.store.direct.mailbox.append('1000', 'other', { eventType: 'elsewhere' });
    const poll = () => t.core.nextMailboxMessage({ agentId: '1000', channel: 'ccgateway', waitMs: 10_000 });
    await expect(poll()).resolves.toEqual({ eventType: 'AgentState_Busy' });
    await expect(poll()).resolves.toEqual({ eventType: 'AgentOther_PhoneAlerting' });
    expect(t.store.mailboxMessages('1000', 'other')).toEqual([{ eventType: 'elsewhere' }]);
  });

  it('wakes when a message commits, not when a transaction that wrote one rolls back', async () => {
    const t = await createTestCore();
    let answer: unknown = 'pending';
    const poll = t.core.nextMailboxMessage({ agentId: '1000', channel: 'ccgateway', waitMs: 10_000 }).then((message) => {
      answer = message;
    });
    await t.settle();
    expect(t.store.mailboxSignals.waiting).toBe(1);

    await expect(
      t.store.transaction(async (tx) => {
        await tx.mailbox.append('1000', 'ccgateway', { eventType: 'lost' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await t.settle();
    expect(answer).toBe('pending');

    await t.store.transaction(async (tx) => {
      await tx.mailbox.append('1000', 'ccgateway', { eventType: 'AgentMediaEvent_Play' });
    });
    await poll;
    expect(answer).toEqual({ eventType: 'AgentMediaEvent_Play' });
  });

  it('does not miss a message committed between looking into the mailbox and waiting', async () => {
    const t = await createTestCore();
    const mailbox = t.store.direct.mailbox;
    const takeNext = mailbox.takeNext.bind(mailbox);
    let first = true;
    mailbox.takeNext = async (agentId, channel) => {
      const found = await takeNext(agentId, channel);
      if (first) {
        first = false;
        // The event commits just after the poll found the mailbox empty.
        await t.store.transaction(async (tx) => tx.mailbox.append(agentId, channel, { eventType: 'AgentMediaEvent_Play' }));
      }
      return found;
    };
    const message = await t.core.nextMailboxMessage({ agentId: '1000', channel: 'ccgateway', waitMs: 10_000 });
    expect(message).toEqual({ eventType: 'AgentMediaEvent_Play' });
  });

  it('answers null when nothing comes within the wait, measured on the gateway clock', async () => {
    const t = await createTestCore();
    let answer: unknown = 'pending';
    const poll = t.core.nextMailboxMessage({ agentId: '1000', channel: 'ccgateway', waitMs: 10_000 }).then((message) => {
      answer = message;
    });
    await t.advance(9_999);
    expect(answer).toBe('pending');
    await t.advance(1);
    await poll;
    expect(answer).toBeNull();
    expect(t.store.mailboxSignals.waiting).toBe(0);
  });

  it('answers null when the caller goes away', async () => {
    const t = await createTestCore();
    const abort = new AbortController();
    const poll = t.core.nextMailboxMessage({ agentId: '1000', channel: 'ccgateway', waitMs: 10_000, abort: abort.signal });
    abort.abort();
    await expect(poll).resolves.toBeNull();
  });

  it('answers null at once without a wait', async () => {
    const t = await createTestCore();
    await expect(t.core.nextMailboxMessage({ agentId: '1000', channel: 'ccgateway', waitMs: 0 })).resolves.toBeNull();
  });
});
