import { defineInterface, NO_BODY } from '../operation';
import { successAnswer } from '../wire/envelope';
import { inspectedAgent, superviseAgent, SUPERVISION_ERRORS } from './inspected-agent';

/**
 * `PUT /qualitycontrol/{agentid}/addsupervise/{workNo}`: an inspector listens
 * to the call of agent `workNo`; neither the agent nor the customer hears it.
 */
export const addSuperviseOperation = defineInterface({
  name: 'addSupervise',
  method: 'PUT',
  path: '/qualitycontrol/{agentid}/addsupervise/{workNo}',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<void> {
    const workNo = await inspectedAgent(ctx, ctx.pathParams.workNo);
    await superviseAgent(ctx, workNo, 'listen', 'addSupervise');
  },
  render: () => successAnswer(),
  errors: SUPERVISION_ERRORS,
});
