import { rotateGuidIfDue, setGuidHeader } from '../auth';
import { wireErrorFor } from '../errors';
import { failed, succeeded, type Operation } from '../operation';
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
export const getAgentEventOperation: Operation = {
  name: 'getAgentEvent',
  method: 'GET',
  path: '/agentevent/{agentid}',
  auth: 'guid',
  body: 'none',
  bodyError: '000-002',
  async run(ctx, input) {
    const { core, settings } = ctx;
    try {
      await core.touchAgentSession(input.agentId);
    } catch (error) {
      return failed(wireErrorFor(error, 'getAgentEvent'));
    }
    const rotated = input.auth ? await rotateGuidIfDue(core, settings, input.auth.token) : null;
    const headers = rotated ? setGuidHeader(rotated) : {};

    const ticket = ctx.polls.begin(input.agentId);
    const onGone = (): void => ticket.abort();
    input.clientGone.addEventListener('abort', onGone, { once: true });
    let event: WireEvent | null = null;
    try {
      if (input.clientGone.aborted) ticket.abort();
      const message = await core.nextMailboxMessage({ agentId: input.agentId, channel: MAILBOX_CHANNEL, waitMs: settings.pollWaitMs, abort: ticket.signal });
      ticket.settled();
      if (message !== null) event = eventFromMessage(message);
      else {
        const verdict = ticket.verdict();
        if (verdict && (await verdict) === 'shutdown') {
          event = { eventType: 'AgentOther_ShutdownService', workNo: input.agentId, content: null, eventGenTime: core.clock.now().getTime() };
        }
      }
    } finally {
      input.clientGone.removeEventListener('abort', onGone);
      ticket.end();
    }
    return succeeded(jsonAnswer(renderEventEnvelope(event), headers));
  },
};
