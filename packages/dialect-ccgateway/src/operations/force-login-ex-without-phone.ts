import { signInAt } from './login';

/**
 * `PUT /onlineagent/{agentid}/forceloginexwithoutphone`: `forceloginex`
 * without binding a phone number. A `phonenum` in the body is read as
 * sign-in reads it but not bound: the session rings the agent's provisioned
 * device, as a sign-in without `phonenum` does.
 */
export const forceLoginExWithoutPhoneOperation = signInAt('forceLoginExWithoutPhone', '/onlineagent/{agentid}/forceloginexwithoutphone', { forced: true, bindsPhone: false });
