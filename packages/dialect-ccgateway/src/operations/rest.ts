import { defineInterface, NO_BODY, refuse } from '../operation';
import { isRestPause, restPauseReason } from '../wire/agent-state';
import { successAnswer } from '../wire/envelope';
import { flagValue } from '../wire/flags';
import { agentSession } from './agent-session';

/** `{time}`: whole seconds 1–86399 (Huawei's range). */
export function restSeconds(raw: string | undefined): number | null {
  if (raw === undefined || !/^[0-9]{1,5}$/.test(raw)) return null;
  const value = Number(raw);
  return value >= 1 && value <= 86_399 ? value : null;
}

/** `{restcause}`: 0 (none) to 255. */
function restCause(raw: string | undefined): number | null {
  if (raw === undefined || !/^[0-9]{1,3}$/.test(raw)) return null;
  const value = Number(raw);
  return value <= 255 ? value : null;
}

/**
 * `POST /onlineagent/{agentid}/rest/{time}/{restcause}?prolong=` (spec §7.4):
 * the agent rests (`AgentState_SetRest_Success`); after `time` seconds
 * `AgentState_Rest_Timeout` tells it the rest is over, and it stays resting
 * until it cancels. During a call the rest begins when the call ends (the
 * success event comes then). An agent already resting needs `prolong=true`
 * to rest again (a new time and cause), else `100-009`; a busy agent turns
 * to rest.
 */
export const restOperation = defineInterface({
  name: 'rest',
  method: 'POST',
  path: '/onlineagent/{agentid}/rest/{time}/{restcause}',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<void> {
    const seconds = restSeconds(ctx.pathParams.time);
    const cause = restCause(ctx.pathParams.restcause);
    const prolong = flagValue(ctx.query.prolong, false);
    if (seconds === null || cause === null || prolong === null) throw refuse('000-002');
    const session = await agentSession(ctx);
    const resting = session.state === 'paused' && isRestPause(session.pauseReason);
    // "Already resting" is decided again in the agent's queue, so racing requests cannot both rest anew.
    const ifPaused = prolong || !resting ? 'update' : 'keep';
    const outcome = await ctx.core.pauseAgent({ agentId: ctx.agentId, reason: restPauseReason(cause), limitSec: seconds, ifPaused });
    if (outcome === 'already_paused' && ifPaused === 'keep') throw refuse('100-009');
  },
  render: () => successAnswer(),
});
