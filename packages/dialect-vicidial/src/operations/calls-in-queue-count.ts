import { agentCommand } from '../agent-api/agent-command';

/**
 * calls_in_queue_count (spec §3.2): the calls waiting for an agent in the
 * in-groups the agent takes calls from, and those transferred to the agent
 * alone (AGENTDIRECT), printed without a newline. The
 * gateway dials no campaign calls into queues and keeps no e-mails, so
 * those parts of VICIdial's count are always none.
 */
export const callsInQueueCount = agentCommand({
  name: 'calls_in_queue_count',
  notValid: ({ value, agent_user: givenAgent, alt_user: altUser }) => value !== 'DISPLAY' || (givenAgent.length < 1 && altUser.length < 2),
  async carryOut({ core }, { agentId, agentUser }) {
    const waiting = await core.listWaitingCalls(await core.queuesOfAgent(agentId), agentId);
    return { comment: `calls_in_queue_count: ${waiting.length} waiting for agent ${agentUser}`, answer: `SUCCESS: calls_in_queue_count - ${waiting.length}` };
  },
});
