import type { AgentSession } from '@pbx-gateway/core';

/** A session's `status` as VICIdial's `vicidial_live_agents` holds it. */
export type VicidialAgentStatus = 'READY' | 'CLOSER' | 'INCALL' | 'PAUSED';

/**
 * READY waits for any call; CLOSER waits for inbound calls only (the agent
 * is not blended); INCALL is on a call; PAUSED is paused, and also what
 * VICIdial's derived DISPO (after-call work, PAUSED with a lead) is stored as.
 */
export function vicidialStatusOf(session: AgentSession): VicidialAgentStatus {
  switch (session.state) {
    case 'ready':
      return session.blended ? 'READY' : 'CLOSER';
    case 'in_call':
      return 'INCALL';
    case 'paused':
    case 'wrap_up':
      return 'PAUSED';
  }
}
