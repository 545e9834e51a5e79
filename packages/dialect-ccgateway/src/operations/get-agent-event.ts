import { rotateGuidIfDue, setGuidHeader } from '../auth';
import { defineInterface, NO_BODY } from '../operation';
import { jsonAnswer, renderEventEnvelope } from '../wire/envelope';
import { eventFromMessage, type WireEvent } from '../wire/events';
import { MAILBOX_CHANNEL } from '../projector';

/**
 * `GET /agentevent/{agentid}` (spec §6.1): the long poll. It is the agent's
 * heartbeat, answers at once when an event waits, otherwise holds up to
 * `pollWaitMs` and answers `"event":null`. One event per answer. In dynamic
 * AUTHMODE a GUID due for rotation is replaced here (`Set-GUID`).
 * `calldata` is accepted and ignored.
 */
export const getAgentEventOperation = defineInterface({
  name: 'getAgentEvent',
  method: 'GET',
  path: '/agentevent/{agentid}',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<{ event: WireEvent | null; rotated: string | null }> {
    const { core, settings } = ctx;
    await core.touchAgentSession(ctx.agentId);
    const rotated = ctx.auth ? await rotateGuidIfDue(core, settings, ctx.auth.token) : null;

    const ticket = ctx.polls.begin(ctx.agentId);
    const onGone = (): void => ticket.abort();
    ctx.clientGone.addEventListener('abort', onGone, { once: true });
    let event: WireEvent | null = null;
    try {
      if (ctx.clientGone.aborted) ticket.abort();
      const message = await core.nextMailboxMessage({ agentId: ctx.agentId, channel: MAILBOX_CHANNEL, waitMs: settings.pollWaitMs, abort: ticket.signal });
      ticket.settled();
      if (message !== null) event = eventFromMessage(message);
      else {
        const verdict = ticket.verdict();
        if (verdict && (await verdict) === 'shutdown') {
          event = { eventType: 'AgentOther_ShutdownService', workNo: ctx.agentId, content: null, eventGenTime: core.clock.now().getTime() };
        }
      }
    } finally {
      ctx.clientGone.removeEventListener('abort', onGone);
      ticket.end();
    }
    return { event, rotated };
  },
  render: ({ event, rotated }) => jsonAnswer(renderEventEnvelope(event), rotated ? setGuidHeader(rotated) : {}),
});
