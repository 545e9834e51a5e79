import type { AgentSession, Call, CallControl } from '@pbx-gateway/core';
import { defineInterface, NO_BODY } from '../operation';
import { jsonAnswer, renderEnvelopeWithValue } from '../wire/envelope';
import { agentSession } from './agent-session';

/** CTI agent status codes (Huawei `cec_07_0697`). */
export const CTI_STATUS = { signedOut: 0, idle: 1, answering: 4, talking: 5, wrapUp: 6, busy: 7, rest: 8 } as const;

export async function ctiStatus(core: CallControl, session: AgentSession): Promise<number> {
  switch (session.state) {
    case 'ready':
      return CTI_STATUS.idle;
    case 'wrap_up':
      return CTI_STATUS.wrapUp;
    case 'paused':
      return session.pauseReason?.startsWith('rest:') ? CTI_STATUS.rest : CTI_STATUS.busy;
    case 'in_call': {
      const current = session.currentCallId ? await core.getCall(session.currentCallId) : null;
      if (!current) return CTI_STATUS.talking;
      return awaitsAgentAnswer(current.call) ? CTI_STATUS.answering : CTI_STATUS.talking;
    }
  }
}

/** The agent's call is not answered by the agent yet: a call still being set up, or a skill call offered to it (its phone ringing, or its answer awaited). */
export function awaitsAgentAnswer(call: Call): boolean {
  return call.state === 'setup' || (call.purpose === 'inbound' && call.progress.stage === 'ringing_agent');
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
