import { defineInterface, NO_BODY, refuse } from '../operation';
import { busyPauseReason } from '../wire/agent-state';
import { successAnswer } from '../wire/envelope';
import { flagValue } from '../wire/flags';
import { agentSession } from './agent-session';

/** `reason`: 0 or empty = none, else 200–250 (Huawei's custom busy reasons). */
function busyReason(raw: string | undefined): number | null {
  if (raw === undefined || raw === '' || raw === '0') return 0;
  if (!/^[0-9]{3}$/.test(raw)) return null;
  const value = Number(raw);
  return value >= 200 && value <= 250 ? value : null;
}

/**
 * `POST /onlineagent/{agentid}/saybusy?reason=&prolong=` (spec §7.1). During
 * a call the agent turns busy when the call ends, and
 * `AgentState_SetNotReady_Success` comes then. An agent already busy changes
 * reason only with `prolong=true` (`100-009` otherwise).
 */
export const sayBusyOperation = defineInterface({
  name: 'sayBusy',
  method: 'POST',
  path: '/onlineagent/{agentid}/saybusy',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<void> {
    const reason = busyReason(ctx.query.reason);
    const prolong = flagValue(ctx.query.prolong, false);
    if (reason === null || prolong === null) throw refuse('000-002');
    await agentSession(ctx);
    // The core decides "already busy" in the agent's queue: a look at the
    // session from here could be overtaken by a command running in between.
    const outcome = await ctx.core.pauseAgent({ agentId: ctx.agentId, reason: busyPauseReason(reason), ifPaused: prolong ? 'update' : 'keep' });
    if (outcome === 'already_paused' && !prolong) throw refuse('100-009');
  },
  render: () => successAnswer(),
});
