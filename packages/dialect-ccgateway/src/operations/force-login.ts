import { signInAt } from './login';

/**
 * `PUT /onlineagent/{agentid}/forcelogin` (spec §5.2): same body and answer
 * as sign-in; an existing session of the agent is ended first (its GUIDs die
 * and its waiting poll answers `AgentOther_ShutdownService`), unless forced
 * sign-in is disabled (`100-015`).
 */
export const forceLoginOperation = signInAt('forceLogin', '/onlineagent/{agentid}/forcelogin', { forced: true, bindsPhone: true });
