import type { Operation } from '../operation';
import { signIn } from './login';

/**
 * `PUT /onlineagent/{agentid}/forcelogin` (spec §5.2): same body and answer
 * as sign-in; an existing session of the agent is ended first (its GUIDs die
 * and its waiting poll answers `AgentOther_ShutdownService`), unless forced
 * sign-in is disabled (`100-015`).
 */
export const forceLoginOperation: Operation = {
  name: 'forceLogin',
  method: 'PUT',
  path: '/onlineagent/{agentid}/forcelogin',
  auth: 'none',
  body: 'json',
  bodyError: '100-001',
  run: (ctx, input) => signIn(ctx, input, true),
};
