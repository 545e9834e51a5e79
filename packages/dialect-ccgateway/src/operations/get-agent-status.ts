import type { AgentSession, CallControl } from '@pbx-gateway/core';
import { succeeded, type Operation } from '../operation';
import { jsonAnswer, renderEnvelopeWithValue } from '../wire/envelope';
import { withAgentSession } from './agent-session';

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
export const getAgentStatusOperation: Operation = {
  name: 'getAgentStatus',
  method: 'GET',
  path: '/onlineagent/{agentid}/agentstatus',
  auth: 'guid',
  body: 'none',
  bodyError: '000-002',
  run: (ctx, input) =>
    withAgentSession(ctx, input, 'getAgentStatus', async (session) =>
      succeeded(jsonAnswer(renderEnvelopeWithValue('', '0', await ctiStatus(ctx.core, session)))),
    ),
};
