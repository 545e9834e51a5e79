import { defineInterface, NO_BODY } from '../operation';
import { ALL_AGENTS_CHANNEL } from '../projector';
import { jsonAnswer, renderEventListEnvelope } from '../wire/envelope';
import { eventFromMessage, type WireEvent } from '../wire/events';
import { signedInInspector } from './inspected-agent';

/** The most events one answer carries; the rest wait for the next poll, oldest first. */
const MAX_EVENTS_PER_ANSWER = 100;

/**
 * `GET /agentevent/allagentevent` (getAllAgentEvent): an inspector's poll of
 * the events of every agent of its group (this gateway is one VDN: every
 * agent signed in through CC-Gateway, the inspector included), all waiting
 * events in one answer as the `event` list, `[]` when none; it does not wait.
 * The path names no agent: the GUID says who polls. No GUID or a dead one
 * `100-006`; an agent without the inspection right `000-003`. Like the
 * agent's own poll it is the caller's heartbeat.
 */
export const allAgentEventOperation = defineInterface({
  name: 'getAllAgentEvent',
  method: 'GET',
  path: '/agentevent/allagentevent',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<WireEvent[]> {
    await signedInInspector(ctx);
    await ctx.core.touchAgentSession(ctx.agentId);
    const events: WireEvent[] = [];
    while (events.length < MAX_EVENTS_PER_ANSWER) {
      const message = await ctx.core.nextMailboxMessage({ agentId: ctx.agentId, channel: ALL_AGENTS_CHANNEL, waitMs: 0 });
      if (message === null) break;
      const event = eventFromMessage(message);
      if (event) events.push(event);
    }
    return events;
  },
  render: (events: WireEvent[]) => jsonAnswer(renderEventListEnvelope(events)),
});
