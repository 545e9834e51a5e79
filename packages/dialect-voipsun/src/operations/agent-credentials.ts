import { isDomainError, type Agent, type CallControl } from '@pbx-gateway/core';
import { VoipsunWireError, type Errno } from '../errors';

/** The parameters every call-centre agent action takes. */
export type AgentCredentialParams = {
  agentNumber: string;
  agentPin: string;
};

export const agentCredentialProperties = {
  agentNumber: { type: 'string' },
  agentPin: { type: 'string' },
} as const;

/** Agent numbers and PINs are short; a longer one names no agent and is not hashed. */
const MAX_CREDENTIAL = 255;

/**
 * The agent the action's `agentNumber` and `agentPin` name. An empty number
 * or PIN is a missing parameter (120); an unknown or inactive agent, a wrong
 * PIN, or an agent locked out after repeated wrong PINs is the action's own
 * "Agent not found, or bad authorization credentials!" errno.
 */
export async function authenticatedAgent(core: CallControl, params: AgentCredentialParams, refused: Errno): Promise<Agent> {
  if (params.agentNumber === '' || params.agentPin === '') throw new VoipsunWireError('120');
  if (params.agentNumber.length > MAX_CREDENTIAL || params.agentPin.length > MAX_CREDENTIAL) throw new VoipsunWireError(refused);
  try {
    return await core.authenticateAgent({ agentId: params.agentNumber, secret: params.agentPin });
  } catch (error) {
    if (isDomainError(error, 'AGENT_NOT_FOUND') || isDomainError(error, 'AUTH_FAILED') || isDomainError(error, 'AUTH_LOCKED')) {
      throw new VoipsunWireError(refused);
    }
    throw error;
  }
}
