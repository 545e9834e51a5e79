import type { ErrorOverrides } from '@pbx-gateway/dialect-kit';
import type { Retcode } from '../errors';
import { defineInterface } from '../operation';
import { renderSignIn, SIGN_IN_BODY, SIGN_IN_ERRORS, signIn, signInFieldError } from './login';

/** Sign-in's codes, and `100-015` for an agent signed in when forced sign-in is disabled. */
export const FORCED_SIGN_IN_ERRORS: ErrorOverrides<Retcode> = { ...SIGN_IN_ERRORS, AGENT_ALREADY_LOGGED_IN: '100-015' };

/**
 * `PUT /onlineagent/{agentid}/forcelogin` (spec §5.2): same body and answer
 * as sign-in; an existing session of the agent is ended first (its GUIDs die
 * and its waiting poll answers `AgentOther_ShutdownService`), unless forced
 * sign-in is disabled (`100-015`).
 */
export const forceLoginOperation = defineInterface({
  name: 'forceLogin',
  method: 'PUT',
  path: '/onlineagent/{agentid}/forcelogin',
  body: 'json',
  auth: 'none',
  input: SIGN_IN_BODY,
  invalidInput: signInFieldError,
  run: (ctx, body) => signIn(ctx, body, true),
  render: renderSignIn,
  errors: FORCED_SIGN_IN_ERRORS,
});
