import type { StoreTransaction } from '../ports/store';
import type { Did } from './did';

/** Where a call to a DID waits: the queue, and the one agent it is for (null: any agent of the queue). */
export interface DidDestination {
  queueName: string;
  forAgentId: string | null;
}

/**
 * The queue a call to a DID waits in, as VICIdial routes it; null when the
 * gateway has nowhere to send it (the call is released). IN_GROUP: the
 * DID's in-group. AGENT: while its agent is signed in (ready, paused or in
 * a call, as VICIdial's live agents), the call waits for that agent alone
 * under the settings of the DID's agent queue (AGENTDIRECT unless set), as
 * a transfer to an agent does; while the agent is not signed in, the
 * DID's fallback: IN_GROUP sends it to the DID's in-group, the others
 * (an extension, voicemail, a phone) are not carried out.
 */
export async function destinationOfDid(tx: Pick<StoreTransaction, 'sessions'>, did: Did | null): Promise<DidDestination | null> {
  if (!did || !did.active) return null;
  const toQueue = (queueName: string | null): DidDestination | null => (queueName ? { queueName, forAgentId: null } : null);
  if (did.route === 'IN_GROUP') return toQueue(did.queueName);
  if (did.route !== 'AGENT' || did.agentUser === '') return null;
  if (await tx.sessions.get(did.agentUser)) return { queueName: did.agentRouteQueue, forAgentId: did.agentUser };
  return did.agentUnavailableAction === 'IN_GROUP' ? toQueue(did.queueName) : null;
}
