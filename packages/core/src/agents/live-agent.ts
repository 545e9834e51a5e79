import type { Agent, AgentSession } from './agent';
import type { Call } from '../calls/call';
import type { LeadFields } from '../leads/lead';

/** What a live view needs of an agent's current call: its purpose and how far it got. */
export type LiveAgentCall = Call extends infer C ? (C extends Call ? Pick<C, 'id' | 'purpose' | 'progress'> : never) : never;

/**
 * A logged-in agent as a live view shows it (a wallboard, a supervisor's
 * report): the agent, its session, the phone number and vendor code of the
 * lead it works on, and the call it is on.
 */
export interface LiveAgent {
  agent: Agent;
  session: AgentSession;
  /** The session's lead; null without one, or when the lead is gone. */
  lead: Pick<LeadFields, 'phoneNumber' | 'vendorLeadCode'> | null;
  /** The session's current call; null without one, or when the call is gone. */
  call: LiveAgentCall | null;
}

/**
 * Live agents read together, each read one round trip to the store whatever
 * the number of agents: a wallboard polls every agent every few seconds, and
 * reading the agent, the lead and the call of each session one at a time
 * made that hundreds of round trips per poll.
 */
export interface LiveAgentReader {
  /**
   * Every logged-in agent, by agent id, as committed before the call. While
   * nothing has changed a store may answer with the list it gave last (the
   * same object): callers must not change it, and may keep what they derive
   * from it with it.
   */
  list(): Promise<readonly LiveAgent[]>;
  /** The agent if it is logged in; null when it is not, or there is no such agent. */
  get(agentId: string): Promise<LiveAgent | null>;
}
