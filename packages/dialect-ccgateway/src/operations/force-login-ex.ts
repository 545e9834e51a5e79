import { signInAt } from './login';

/**
 * `PUT /onlineagent/{agentid}/forceloginex`: `loginex` as `forcelogin` is to
 * sign-in — the same body and answer, an existing session of the agent ended
 * first (`100-015` when forced sign-in is disabled).
 */
export const forceLoginExOperation = signInAt('forceLoginEx', '/onlineagent/{agentid}/forceloginex', { forced: true, bindsPhone: true });
