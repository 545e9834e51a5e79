import type { JSONSchemaType } from 'ajv';
import type { AgentSession } from '@pbx-gateway/core';
import { agentNotLoggedIn, ownCheck } from '../errors';
import { utf8ToBytes } from '../wire/php-params';
import { inputOf, PATTERNS } from './input-schema';
import { agentIdOf, checkAllowList, liveSession, resolveAgentUser, stopWith, type AgentOperationContext } from './steps';

/**
 * What force_fronter_leave_3way and force_fronter_audio_stop read: the
 * value, the agent (the closer), the lead a remote cluster names, and the
 * stage audio_stop echoes.
 */
export interface FronterInput {
  value: string;
  agent_user: string;
  alt_user: string;
  lead_id: string;
  stage: string;
}

const schema: JSONSchemaType<FronterInput> = {
  type: 'object',
  properties: {
    value: { type: 'string', pattern: PATTERNS.value },
    agent_user: { type: 'string', pattern: PATTERNS.identifier },
    alt_user: { type: 'string', pattern: PATTERNS.alphanumeric },
    lead_id: { type: 'string', pattern: '^[0-9]*$' },
    stage: { type: 'string', pattern: PATTERNS.stage },
  },
  required: ['value', 'agent_user', 'alt_user', 'lead_id', 'stage'],
};

export const readFronterInput = inputOf(schema, ['value', 'agent_user', 'alt_user', 'lead_id', 'stage']);

/** `CCC_REMOTE` comes from another cluster, which names the lead; the others act on the agent's own lead. */
const VALUES = new Set(['LOCAL_ONLY', 'LOCAL_AND_CCC', 'CCC_REMOTE']);

/** The closer a fronter command comes from, and the lead both worked on. */
export interface FronterRequest {
  /** The agent as the wire echoes it. */
  agentUser: string;
  agentId: string;
  leadId: number;
}

/**
 * The steps both fronter functions share, in VICIdial's order: V (value one
 * of LOCAL_ONLY, LOCAL_AND_CCC, CCC_REMOTE, and an agent), P, A, L (not for
 * CCC_REMOTE, whose agent is on the other cluster), then the lead: the
 * agent's (or for CCC_REMOTE `lead_id`), else `not on a phone call`. The
 * gateway has no cluster to forward to: LOCAL_AND_CCC acts as LOCAL_ONLY.
 */
export async function fronterRequest(ctx: AgentOperationContext, name: string, input: FronterInput): Promise<FronterRequest> {
  const { value, agent_user: givenAgent, alt_user: altUser } = input;
  if (!VALUES.has(value) || (givenAgent.length < 1 && altUser.length < 2)) throw stopWith(ownCheck('line', `ERROR: ${name} not valid - ${value}|${givenAgent}`));
  checkAllowList(ctx, value);
  const agentUser = await resolveAgentUser(ctx, `ERROR: no user found - ${altUser}`);
  ctx.target = { agentUser };
  const notOnCall = stopWith(ownCheck('line', `ERROR: agent_user is not on a phone call - ${agentUser}`));
  if (value === 'CCC_REMOTE') {
    const leadId = Number.parseInt(input.lead_id, 10);
    if (!(leadId > 0)) throw notOnCall;
    return { agentUser, agentId: agentIdOf(agentUser), leadId };
  }
  const session = await liveSession(ctx, agentUser);
  if (!session) throw stopWith(agentNotLoggedIn);
  if (!session.lead) throw notOnCall;
  return { agentUser, agentId: session.agentId, leadId: session.lead.leadId };
}

/**
 * The fronter: another logged-in agent whose screen holds the same lead
 * (the agent it came from keeps it until its disposition), the one whose
 * call for the lead started first (VICIdial: the oldest last call).
 */
export async function fronterSession(ctx: AgentOperationContext, request: FronterRequest): Promise<AgentSession | null> {
  const onLead = (await ctx.core.listAgentSessions()).filter((session) => session.agentId !== request.agentId && session.lead?.leadId === request.leadId);
  const started = async (session: AgentSession): Promise<number> => {
    const callId = session.lead?.callId;
    const found = callId ? await ctx.core.getCall(callId) : null;
    return (found?.call.createdAt ?? session.stateChangedAt).getTime();
  };
  const ordered = await Promise.all(onLead.map(async (session) => ({ session, at: await started(session) })));
  ordered.sort((a, b) => a.at - b.at);
  return ordered[0]?.session ?? null;
}

/** How far back a call on the lead names its agent as the fronter (VICIdial: its agent log of the last 5 minutes). */
const RECENT_MS = 5 * 60 * 1000;

/**
 * An agent who had a call for the lead that started in the last five
 * minutes, the latest first: the fronter once it has moved on from the
 * lead (wire bytes); null when there is none.
 */
export async function recentFronter(ctx: AgentOperationContext, request: FronterRequest): Promise<string | null> {
  const since = new Date(ctx.epoch * 1000 - RECENT_MS);
  const calls = (await ctx.core.listCdrs({ since })).filter((cdr) => cdr.leadId === request.leadId && cdr.agentId !== null && cdr.agentId !== request.agentId);
  const latest = calls[calls.length - 1];
  return latest?.agentId ? utf8ToBytes(latest.agentId) : null;
}

/** `ERROR: no fronter found - <agent_user>` */
export const noFronter = (request: FronterRequest) => stopWith(ownCheck('line', `ERROR: no fronter found - ${request.agentUser}`));

/** The fronter's id as the wire echoes it. */
export const fronterEcho = (session: AgentSession): string => utf8ToBytes(session.agentId);

