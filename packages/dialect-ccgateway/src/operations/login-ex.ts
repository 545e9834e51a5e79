import { defineInterface } from '../operation';
import { renderSignIn, SIGN_IN_BODY, SIGN_IN_ERRORS, signIn, signInFieldError } from './login';

/**
 * `PUT /onlineagent/{agentid}/loginex` (Huawei `cec_07_1224` / `cec_07_0357`,
 * "signing in to the platform"): the sign-in body and answer of §5.1; the
 * agent signs in to the CTI server only, never to the text-chat or mail
 * servers — which is what every sign-in here does (`mediatype` `TFF`).
 */
export const loginExOperation = defineInterface({
  name: 'loginEx',
  method: 'PUT',
  path: '/onlineagent/{agentid}/loginex',
  body: 'json',
  auth: 'none',
  input: SIGN_IN_BODY,
  invalidInput: signInFieldError,
  run: (ctx, body) => signIn(ctx, body, false),
  render: renderSignIn,
  errors: SIGN_IN_ERRORS,
});
