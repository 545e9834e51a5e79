import { randomBytes } from 'node:crypto';
import { isDomainError, type CallControl, type Extension } from '@pbx-gateway/core';

/**
 * A queue's seats are extensions; the core's queues are served by agents. An
 * extension signs in to a queue as the agent `sipcall-<internal number>`,
 * whose phone is the extension's, added on its first sign-in: the same agent
 * every dialect then sees in the queue.
 */
export const seatAgentId = (extension: Extension): string => `sipcall-${extension.internalNumber}`;

/** The extension a seat agent stands for, or null for an agent of another kind. */
export function seatExtension(agentId: string): string | null {
  return agentId.startsWith('sipcall-') ? agentId.slice('sipcall-'.length) : null;
}

/** Signs the extension in to the queue: its agent added and logged in (ready) when needed, the queue joined. */
export async function signInSeat(core: CallControl, extension: Extension, queueName: string, crmid: string | null): Promise<void> {
  const agentId = seatAgentId(extension);
  if (!(await core.getAgent(agentId))) {
    try {
      // Nobody logs in with this secret: the seat signs in through the company's token.
      await core.addAgent({ id: agentId, name: extension.callerIdName || extension.internalNumber, secret: randomBytes(24).toString('hex'), device: extension.endpoint, attributes: crmid ? { crmid } : {} });
    } catch (error) {
      // A sign-in of the same seat at the same moment added it first.
      if (!isDomainError(error, 'AGENT_EXISTS')) throw error;
    }
  }
  if (await core.getAgentSession(agentId)) {
    await core.changeAgentQueues({ agentId, change: 'add', queues: [queueName], blended: null });
    return;
  }
  await core.loginAgent({ agentId, via: 'sipcall', initialState: 'ready', queues: [queueName] });
}
