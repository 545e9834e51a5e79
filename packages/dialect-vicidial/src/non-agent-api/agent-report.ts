import { maySeeGroup, type Agent, type AgentSession, type LiveAgent, type LiveAgentCall } from '@pbx-gateway/core';
import { vicidialStatusOf } from '../wire/agent-status';
import { wireCallId } from '../wire/call-id';
import { utf8ToBytes } from '../wire/php-params';
import type { NonAgentContext } from './operation';

/** What the agent functions report of one logged-in agent, as byte strings, by VICIdial's column names. */
export interface AgentReport {
  user: string;
  status: string;
  callerid: string;
  lead_id: string;
  campaign_id: string;
  calls_today: string;
  full_name: string;
  user_group: string;
  user_level: string;
  pause_code: string;
  sub_status: string;
  phone_number: string;
  vendor_lead_code: string;
  session_id: string;
  computer_ip: string;
}

export const agentGroupOf = (agent: Agent): string => agent.attributes.user_group ?? '';

/**
 * Whether the caller's user group may see an agent's group
 * (`admin_viewable_groups`); a caller whose group is not defined is not
 * limited, as VICIdial limits only by a list it has.
 */
export async function viewableBy(ctx: NonAgentContext): Promise<(agent: Agent) => boolean> {
  return (await viewOf(ctx)).viewable;
}

/** What the caller may see, and a key equal for callers who see the same agents. */
export async function viewOf(ctx: NonAgentContext): Promise<{ viewable: (agent: Agent) => boolean; key: string }> {
  const group = await ctx.core.getUserGroup(ctx.apiUser.group);
  const viewableGroups = group === null ? null : group.viewableGroups;
  return {
    viewable: (agent) => group === null || maySeeGroup(group, agentGroupOf(agent)),
    key: viewableGroups === null ? '*' : JSON.stringify(viewableGroups),
  };
}

/**
 * VICIdial's real-time sub-status: DISPO for a lead waiting for its
 * disposition; on a call, DIAL until the customer answers, PARK with a
 * party parked, 3-WAY with a third party; otherwise empty. `call` is the
 * session's current call (null when there is none, or it is gone).
 */
export function subStatusWith(session: AgentSession, call: LiveAgentCall | null): string {
  if (session.state !== 'in_call') return session.lead !== null ? 'DISPO' : '';
  if (session.currentCallId === null) return '';
  if (!call || call.purpose !== 'agent_customer') return '';
  const progress = call.progress;
  if (progress.stage !== 'connected') return 'DIAL';
  if ((progress.parkedLegIds ?? []).length > 0) return 'PARK';
  if (progress.thirdPartyLegId) return '3-WAY';
  return '';
}

/** The sub-status of a session read alone, its call read when it is on one. */
async function subStatusOf(ctx: NonAgentContext, session: AgentSession): Promise<string> {
  const found = session.state === 'in_call' && session.currentCallId !== null ? await ctx.core.getCall(session.currentCallId) : null;
  return subStatusWith(session, found && found.call);
}

/** What the agent functions report of a logged-in agent, from what the core read of it in one go. */
export function agentReport({ agent, session, lead, call }: LiveAgent): AgentReport {
  const bytes = utf8ToBytes;
  return {
    user: bytes(agent.id),
    status: vicidialStatusOf(session),
    callerid: session.currentCallId === null ? '' : bytes(wireCallId(session.currentCallId)),
    lead_id: String(session.lead?.leadId ?? 0),
    campaign_id: bytes(session.campaignId ?? ''),
    // The gateway keeps no daily call count of its own yet (docs/vicidial.md).
    calls_today: '0',
    full_name: bytes(agent.name),
    user_group: bytes(agentGroupOf(agent)),
    user_level: bytes(agent.attributes.user_level ?? ''),
    pause_code: session.state === 'paused' ? bytes(session.pauseReason ?? '') : '',
    sub_status: subStatusWith(session, call),
    phone_number: bytes(lead?.phoneNumber ?? ''),
    vendor_lead_code: bytes(lead?.vendorLeadCode ?? ''),
    session_id: bytes(session.conference?.number ?? ''),
    // The address of the agent's screen: the gateway's agents have none it knows.
    computer_ip: '',
  };
}

/** The view_reports permission of the agent and report functions (level above 6). */
export const viewReports = (fn: string) => ({
  allows: (user: { level: number; viewReports: boolean }) => user.level > 6 && user.viewReports,
  denied: (user: string) => `ERROR: ${fn} USER DOES NOT HAVE PERMISSION TO GET AGENT INFO: |${user}|0|`,
});

/** How many of some logged-in agents are in each state, as the group status functions count them. */
export interface AgentCounts {
  loggedIn: number;
  inCalls: number;
  waiting: number;
  paused: number;
  inDispo: number;
  inDial: number;
}

/**
 * Counts sessions: on a call, waiting (ready), paused (or after-call work
 * without a lead), with a lead waiting for its disposition (DISPO),
 * dialling (a customer not answered yet).
 */
export async function countAgents(ctx: NonAgentContext, sessions: readonly AgentSession[]): Promise<AgentCounts> {
  const counts: AgentCounts = { loggedIn: 0, inCalls: 0, waiting: 0, paused: 0, inDispo: 0, inDial: 0 };
  for (const session of sessions) {
    const subStatus = await subStatusOf(ctx, session);
    counts.loggedIn += 1;
    if (session.state === 'in_call') counts.inCalls += 1;
    if (session.state === 'ready') counts.waiting += 1;
    if (subStatus === 'DISPO') counts.inDispo += 1;
    else if (session.state === 'paused' || session.state === 'wrap_up') counts.paused += 1;
    if (subStatus === 'DIAL') counts.inDial += 1;
  }
  return counts;
}
