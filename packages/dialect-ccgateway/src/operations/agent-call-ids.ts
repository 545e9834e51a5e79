import type { CallControl } from '@pbx-gateway/core';

/**
 * The ids of the calls an agent is in now: its session's current call while
 * it lasts (the core keeps one call per agent; a consultation or a held
 * customer belongs to it), none without a session.
 */
export async function currentCallIds(core: CallControl, agentId: string): Promise<string[]> {
  const session = await core.getAgentSession(agentId);
  if (!session?.currentCallId) return [];
  const found = await core.getCall(session.currentCallId);
  return found && found.call.state !== 'ended' ? [found.call.id] : [];
}
