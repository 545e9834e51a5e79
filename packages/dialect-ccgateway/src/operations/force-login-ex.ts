import { defineInterface } from '../operation';
import { FORCED_SIGN_IN_ERRORS } from './force-login';
import { renderSignIn, SIGN_IN_BODY, signIn, signInFieldError } from './login';

/**
 * `PUT /onlineagent/{agentid}/forceloginex`: `loginex` as `forcelogin` is to
 * sign-in — the same body and answer, an existing session of the agent ended
 * first (`100-015` when forced sign-in is disabled).
 */
export const forceLoginExOperation = defineInterface({
  name: 'forceLoginEx',
  method: 'PUT',
  path: '/onlineagent/{agentid}/forceloginex',
  body: 'json',
  auth: 'none',
  input: SIGN_IN_BODY,
  invalidInput: signInFieldError,
  run: (ctx, body) => signIn(ctx, body, true),
  render: renderSignIn,
  errors: FORCED_SIGN_IN_ERRORS,
});
