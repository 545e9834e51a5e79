import { defineInterface, NO_BODY, refuse } from '../operation';
import { successAnswer } from '../wire/envelope';
import { agentSession } from './agent-session';

/**
 * `POST /voicecall/{agentid}/endmute`: the muted agent is heard again. No
 * call: `200-007`; not muted: `200-008`.
 */
export const endMuteOperation = defineInterface({
  name: 'endMute',
  method: 'POST',
  path: '/voicecall/{agentid}/endmute',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<void> {
    const session = await agentSession(ctx);
    if (session.currentCallId === null) throw refuse('200-007');
    const { changed } = await ctx.core.muteAgent({ agentId: ctx.agentId, muted: false });
    if (!changed) throw refuse('200-008');
  },
  render: () => successAnswer(),
  errors: { NO_ACTIVE_CALL: '200-007' },
});
