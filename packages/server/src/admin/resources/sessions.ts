import { DomainError, type AgentSession, type CallControl } from '@pbx-gateway/core';
import { defineRoute, type AdminRoute } from '../admin-route';
import { pageQuerySchema, pageSchema, readPage, sliceOf, type PageQuery } from '../admin-paging';
import { bool, loginSchema, logoutSchema, nullableText, objectSchema, pathOf, text, textList, type AdminLoginBody, type AdminLogoutBody } from '../admin-schemas';

/** A live session as the admin API shows it: an agent logged in, wherever. */
export interface AdminSessionView {
  agentId: string;
  state: AgentSession['state'];
  pauseReason: string | null;
  via: string;
  phone: string;
  device: string;
  campaign: string | null;
  queues: string[];
  conference: string | null;
  serverIp: string;
  pendingLogout: boolean;
  loggedInAt: string;
}

export const sessionSchema = objectSchema({
  agentId: text,
  state: { type: 'string', enum: ['ready', 'paused', 'in_call', 'wrap_up'] },
  pauseReason: nullableText,
  via: text,
  phone: text,
  device: text,
  campaign: nullableText,
  queues: textList,
  conference: nullableText,
  serverIp: text,
  pendingLogout: bool,
  loggedInAt: { type: 'string', format: 'date-time' },
});

const logoutAnswer = objectSchema({ agentId: text, outcome: { type: 'string', enum: ['logged_out', 'logout_pending'] } });
const agentPath = pathOf('agentId');
type AgentPath = { agentId: string };

const logout = (method: 'post' | 'delete', path: string, operationId: string, summary: string): AdminRoute =>
  defineRoute<AgentPath, Record<string, never>, AdminLogoutBody>({
    method,
    path,
    operationId,
    summary,
    tag: 'sessions',
    scope: 'control',
    params: agentPath,
    ...(method === 'post' ? { body: { schema: logoutSchema, presence: 'optional' as const } } : {}),
    success: { status: 200, description: '`logout_pending`: the agent is in a call and the logout waits for its end', schema: logoutAnswer },
    refusals: ['AGENT_NOT_LOGGED_IN', 'AGENT_BUSY'],
    async handle({ core }, { params, body }) {
      const outcome = await core.logoutAgent({ agentId: params.agentId, whenInCall: body?.whenInCall ?? 'defer' });
      return { status: 200, body: { agentId: params.agentId, outcome } };
    },
  });

/** Live agents: logging in and out outside every dialect (VICIdial has no login function in its API, spec §6). */
export const sessionRoutes: readonly AdminRoute[] = [
  defineRoute<Record<string, never>, PageQuery>({
    method: 'get',
    path: '/sessions',
    operationId: 'listSessions',
    summary: 'Live agents: every session, by agent id',
    tag: 'sessions',
    scope: 'read',
    query: pageQuerySchema,
    success: { status: 200, description: 'a page of sessions', schema: pageSchema(sessionSchema) },
    async handle({ core }, { query }) {
      const all = async () => (await core.listAgentSessions()).sort(byAgent);
      return { status: 200, body: await readPage(query, sliceOf(all), (session) => sessionView(core, session)) };
    },
  }),
  defineRoute<Record<string, never>, Record<string, never>, AdminLoginBody>({
    method: 'post',
    path: '/sessions',
    operationId: 'loginAgent',
    summary: 'Log an agent in',
    tag: 'sessions',
    scope: 'control',
    body: { schema: loginSchema, presence: 'required' },
    success: { status: 201, description: 'the new session', schema: objectSchema({ session: sessionSchema }) },
    refusals: ['AGENT_NOT_FOUND', 'AGENT_ALREADY_LOGGED_IN', 'INVALID_ARGUMENT', 'AGENT_HAS_NO_DEVICE', 'PBX_UNAVAILABLE'],
    async handle({ core }, { body }) {
      const session = await core.loginAgent(loginRequest(body));
      return { status: 201, body: { session: await sessionView(core, session) } };
    },
  }),
  defineRoute<AgentPath>({
    method: 'get',
    path: '/sessions/{agentId}',
    operationId: 'getSession',
    summary: 'One agent\'s session',
    tag: 'sessions',
    scope: 'read',
    params: agentPath,
    success: { status: 200, description: 'the session', schema: objectSchema({ session: sessionSchema }) },
    refusals: ['AGENT_NOT_LOGGED_IN'],
    async handle({ core }, { params }) {
      const session = await core.getAgentSession(params.agentId);
      if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${params.agentId} is not logged in`);
      return { status: 200, body: { session: await sessionView(core, session) } };
    },
  }),
  logout('delete', '/sessions/{agentId}', 'endSession', 'Log an agent out (during a call the logout waits for its end)'),
  logout('post', '/sessions/{agentId}/logout', 'logoutAgent', 'Log an agent out, saying what happens during a call'),
];

function loginRequest(body: AdminLoginBody): Parameters<CallControl['loginAgent']>[0] {
  const conference = body.conference ?? null;
  return {
    agentId: body.agentId,
    via: body.via ?? 'admin',
    phoneNumber: body.phone ?? null,
    campaignId: body.campaign ?? null,
    queues: body.queues ?? [],
    initialState: body.initialState ?? 'ready',
    pauseReason: body.pauseReason ?? null,
    conferenceNumber: conference,
    // A session conference is only of use with the agent's phone in it.
    connectPhone: conference !== null && (body.connectPhone ?? true),
    replaceExisting: body.replaceExisting ?? false,
  };
}

export async function sessionView(core: CallControl, session: AgentSession): Promise<AdminSessionView> {
  return {
    agentId: session.agentId,
    state: session.state,
    pauseReason: session.pauseReason,
    via: session.loginVia,
    phone: session.phoneNumber,
    device: session.device,
    campaign: session.campaignId,
    queues: (await core.queuesOfAgent(session.agentId)).sort(),
    conference: session.conference?.number ?? null,
    serverIp: session.serverIp,
    pendingLogout: session.pendingLogout,
    loggedInAt: session.loggedInAt.toISOString(),
  };
}

const byAgent = (a: AgentSession, b: AgentSession): number => (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0);
