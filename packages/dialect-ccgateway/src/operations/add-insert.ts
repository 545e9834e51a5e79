import { defineInterface, NO_BODY } from '../operation';
import { successAnswer } from '../wire/envelope';
import { inspectedAgent, superviseAgent, SUPERVISION_ERRORS } from './inspected-agent';

/**
 * `PUT /qualitycontrol/{agentid}/addinsert/{workNo}`: an inspector barges into
 * the call of agent `workNo`: agent and customer both hear the inspector.
 */
export const addInsertOperation = defineInterface({
  name: 'addInsert',
  method: 'PUT',
  path: '/qualitycontrol/{agentid}/addinsert/{workNo}',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<void> {
    const workNo = await inspectedAgent(ctx, ctx.pathParams.workNo);
    await superviseAgent(ctx, workNo, 'barge', 'addInsert');
  },
  render: () => successAnswer(),
  errors: SUPERVISION_ERRORS,
});
