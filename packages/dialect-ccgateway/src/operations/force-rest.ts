import { defineInterface, NO_BODY, refuse } from '../operation';
import { restPauseReason } from '../wire/agent-state';
import { successAnswer } from '../wire/envelope';
import { inspectedAgent } from './inspected-agent';
import { restSeconds } from './rest';

/** `{reason}` of a forced rest: 1–255 (Huawei's range; unlike the agent's own rest, 0 is no reason here). */
function forcedRestReason(raw: string | undefined): number | null {
  if (raw === undefined || !/^[0-9]{1,3}$/.test(raw)) return null;
  const value = Number(raw);
  return value >= 1 && value <= 255 ? value : null;
}

/**
 * `POST /qualitycontrol/{agentid}/forcerest/{workNo}/{time}/{reason}`
 * (Huawei `cec_07_2411`): an inspector makes agent `workNo` rest for `time`
 * seconds, as the agent's own `rest` would (`AgentState_SetRest_Success`,
 * later `AgentState_Rest_Timeout`; during a call, from its end). A resting
 * agent starts the new rest: the inspector's word needs no `prolong`.
 */
export const forceRestOperation = defineInterface({
  name: 'forceRest',
  method: 'POST',
  path: '/qualitycontrol/{agentid}/forcerest/{workNo}/{time}/{reason}',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<void> {
    const workNo = await inspectedAgent(ctx, ctx.pathParams.workNo);
    const seconds = restSeconds(ctx.pathParams.time);
    const reason = forcedRestReason(ctx.pathParams.reason);
    if (seconds === null || reason === null) throw refuse('000-002');
    await ctx.core.pauseAgent({ agentId: workNo, reason: restPauseReason(reason), limitSec: seconds, ifPaused: 'update' });
  },
  render: () => successAnswer(),
});
