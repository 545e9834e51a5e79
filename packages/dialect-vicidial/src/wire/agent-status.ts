import type { AgentState } from '@pbx-gateway/core';

/**
 * A session's state as VICIdial's `vicidial_live_agents.status` shows it.
 * VICIdial has no after-call state of its own: DISPO is PAUSED with a lead.
 */
const STATUS: Readonly<Record<AgentState, string>> = {
  ready: 'READY',
  paused: 'PAUSED',
  in_call: 'INCALL',
  wrap_up: 'PAUSED',
};

export const agentStatus = (state: AgentState): string => STATUS[state];
