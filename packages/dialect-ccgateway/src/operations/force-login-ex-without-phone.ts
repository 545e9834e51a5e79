import { defineInterface } from '../operation';
import { FORCED_SIGN_IN_ERRORS } from './force-login';
import { renderSignIn, SIGN_IN_BODY, signIn, signInFieldError } from './login';

/**
 * `PUT /onlineagent/{agentid}/forceloginexwithoutphone`: `forceloginex`
 * without binding a phone number. A `phonenum` in the body is read as
 * sign-in reads it but not bound: the session rings the agent's provisioned
 * device, as a sign-in without `phonenum` does.
 */
export const forceLoginExWithoutPhoneOperation = defineInterface({
  name: 'forceLoginExWithoutPhone',
  method: 'PUT',
  path: '/onlineagent/{agentid}/forceloginexwithoutphone',
  body: 'json',
  auth: 'none',
  input: SIGN_IN_BODY,
  invalidInput: signInFieldError,
  run: (ctx, body) => signIn(ctx, { ...body, phonenum: undefined }, true),
  render: renderSignIn,
  errors: FORCED_SIGN_IN_ERRORS,
});
