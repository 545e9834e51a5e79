import { defineInterface, NO_BODY, refuse } from '../operation';
import { successAnswer } from '../wire/envelope';
import { agentSession } from './agent-session';

/**
 * `POST /voicecall/{agentid}/beginmute`: the agent's voice is kept from the
 * call (its phone muted on the engine); the agent still hears the customer.
 * No call: `200-003`; already muted, or its phone not talking on the call:
 * `200-004`.
 */
export const beginMuteOperation = defineInterface({
  name: 'beginMute',
  method: 'POST',
  path: '/voicecall/{agentid}/beginmute',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<void> {
    const session = await agentSession(ctx);
    if (session.currentCallId === null) throw refuse('200-003');
    const { changed } = await ctx.core.muteAgent({ agentId: ctx.agentId, muted: true });
    if (!changed) throw refuse('200-004');
  },
  render: () => successAnswer(),
  errors: { NO_ACTIVE_CALL: '200-003' },
});
