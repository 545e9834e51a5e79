import type { AgentSession } from '@pbx-gateway/core';
import { agentNotLoggedIn, ownCheck } from '../errors';
import { checkAllowList, liveSession, stopWith, type AgentOperationContext } from './steps';

/** A name the request may carry, and how the script looks for it. */
export interface NamedInRequest {
  name: string;
  caseSensitive: boolean;
}

/** The reloads of the agent's screen update_fields asks for besides lead fields. */
export const SCREEN_RELOADS: readonly NamedInRequest[] = ['formreload', 'scriptreload', 'script2reload', 'emailreload', 'chatreload'].map((name) => ({
  name,
  caseSensitive: false,
}));

/**
 * VICIdial's selection (spec §3.2, replicated): a name counts when it occurs
 * anywhere in the request as the script writes it out, in a parameter's
 * name or inside any value (`city=Frankfurt` names `rank` too). In the
 * order given.
 */
export function namesInRequest(rawQuery: string, names: readonly NamedInRequest[]): string[] {
  // PCRE's /i without /u folds ASCII letters only.
  const lower = rawQuery.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
  return names.filter(({ name, caseSensitive }) => (caseSensitive ? rawQuery.includes(name) : lower.includes(name))).map(({ name }) => name);
}

/**
 * The steps update_fields and refresh_panel share: no alt_user step; an
 * empty agent_user is `agent_user not valid`, then the allow-list, then the
 * agent's live session.
 */
export async function screenAgentSession(ctx: AgentOperationContext, agentUser: string, value: string): Promise<AgentSession> {
  if (agentUser.length < 1) throw stopWith(ownCheck('line', `ERROR: agent_user not valid - ${agentUser}`));
  checkAllowList(ctx, value);
  ctx.target = { agentUser };
  const session = await liveSession(ctx, agentUser);
  if (!session) throw stopWith(agentNotLoggedIn);
  return session;
}
