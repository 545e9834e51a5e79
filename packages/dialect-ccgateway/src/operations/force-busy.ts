import { defineInterface, NO_BODY } from '../operation';
import { busyPauseReason } from '../wire/agent-state';
import { successAnswer } from '../wire/envelope';
import { inspectedAgent } from './inspected-agent';

/** Huawei's busy reason "set by an inspector" (`AgentState_SetNotReady_Success` `{"reason":"3"}`). */
const INSPECTOR_BUSY_REASON = 3;

/**
 * `POST /qualitycontrol/{agentid}/forcebusy/{workNo}`: an inspector sets agent
 * `workNo` busy, as saybusy would (during a call: when it ends). An agent
 * already busy stays so, with its own reason.
 */
export const forceBusyOperation = defineInterface({
  name: 'forceBusy',
  method: 'POST',
  path: '/qualitycontrol/{agentid}/forcebusy/{workNo}',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<void> {
    const workNo = await inspectedAgent(ctx, ctx.pathParams.workNo);
    await ctx.core.pauseAgent({ agentId: workNo, reason: busyPauseReason(INSPECTOR_BUSY_REASON), ifPaused: 'keep' });
  },
  render: () => successAnswer(),
});
