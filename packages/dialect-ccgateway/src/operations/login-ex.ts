import { signInAt } from './login';

/**
 * `PUT /onlineagent/{agentid}/loginex` (Huawei `cec_07_1224` / `cec_07_0357`,
 * "signing in to the platform"): the sign-in body and answer of §5.1; the
 * agent signs in to the CTI server only, never to the text-chat or mail
 * servers — which is what every sign-in here does (`mediatype` `TFF`).
 */
export const loginExOperation = signInAt('loginEx', '/onlineagent/{agentid}/loginex', { forced: false, bindsPhone: true });
