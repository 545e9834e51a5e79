import { defineInterface, NO_BODY, refuse } from '../operation';
import { successAnswer } from '../wire/envelope';
import { agentSession } from './agent-session';

/** A path flag of this interface: `1` on, `0` off, anything else refused. */
const onOff = (raw: string | undefined): boolean | null => (raw === '1' ? true : raw === '0' ? false : null);

/**
 * `POST /onlineagent/{agentid}/setselfrecord/{recordflag}/{recordbeforetalking}`
 * (the product's client; Huawei publishes no page): `recordflag` `1` records
 * every call the agent talks in from now on, for the session, `0` stops
 * doing so; each recording starts as the agent talks (`AgentMediaEvent_Record`)
 * and ends with the call or the agent's leaving it
 * (`AgentMediaEvent_StopRecordDone`), as a `record` of the agent's would.
 * `recordbeforetalking` `0` or `1`: accepted, recording starts with the talk
 * either way (the call's bridge carries nothing before both sides are in it).
 * A flag other than `0` or `1`: `000-002`. No event; a call already up is
 * recorded only if asked with `record`.
 */
export const setSelfRecordOperation = defineInterface({
  name: 'setSelfRecord',
  partial: '`recordbeforetalking` 1 records from the talk, as 0 does: the call\'s bridge carries nothing before both sides are in it',
  method: 'POST',
  path: '/onlineagent/{agentid}/setselfrecord/{recordflag}/{recordbeforetalking}',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<void> {
    const recordCalls = onOff(ctx.pathParams.recordflag);
    if (recordCalls === null || onOff(ctx.pathParams.recordbeforetalking) === null) throw refuse('000-002');
    await agentSession(ctx);
    await ctx.core.setCallHandling({ agentId: ctx.agentId, recordCalls });
  },
  render: () => successAnswer(),
});
