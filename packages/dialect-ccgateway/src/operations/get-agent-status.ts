import type { AgentSession, CallControl } from '@pbx-gateway/core';
import { defineInterface, NO_BODY } from '../operation';
import { jsonAnswer, renderEnvelopeWithValue } from '../wire/envelope';
import { agentSession } from './agent-session';

/** CTI agent status codes (Huawei `cec_07_0697`). */
export const CTI_STATUS = { signedOut: 0, idle: 1, answering: 4, talking: 5, wrapUp: 6, busy: 7, rest: 8 } as const;

async function ctiStatus(core: CallControl, session: AgentSession): Promise<number> {
  switch (session.state) {
    case 'ready':
      return CTI_STATUS.idle;
    case 'wrap_up':
      return CTI_STATUS.wrapUp;
    case 'paused':
      return session.pauseReason?.startsWith('rest:') ? CTI_STATUS.rest : CTI_STATUS.busy;
    case 'in_call': {
      const current = session.currentCallId ? await core.getCall(session.currentCallId) : null;
      return current && current.call.state === 'setup' ? CTI_STATUS.answering : CTI_STATUS.talking;
    }
  }
}

/**
 * `GET /onlineagent/{agentid}/agentstatus` (spec §7.7): the agent's CTI
 * status code as a bare number in `result`.
 */
export const getAgentStatusOperation = defineInterface({
  name: 'getAgentStatus',
  method: 'GET',
  path: '/onlineagent/{agentid}/agentstatus',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  run: async (ctx) => ctiStatus(ctx.core, await agentSession(ctx)),
  render: (status) => jsonAnswer(renderEnvelopeWithValue('', '0', status)),
});
