import type { WireRequest } from './wire-client';

/** Requests of each dialect with the demo tenant's credentials (README.md). */

const VICIDIAL_AUTH = 'source=test&user=6666&pass=1234';
const VOIPSUN_AUTH = 'username=voipsun&password=secretpwd';
const CCGATEWAY = '/agentgateway/resource';

export const vicidial = (query: string): WireRequest => ({ method: 'GET', path: `/agc/api.php?${VICIDIAL_AUTH}&${query}` });

export const vicidialVersion: WireRequest = { method: 'GET', path: '/agc/api.php?function=version' };

export const voipsun = (query: string): WireRequest => ({ method: 'GET', path: `/api/api.php?${VOIPSUN_AUTH}&${query}` });

export function ccgateway(method: WireRequest['method'], path: string, guid: string | null, body?: unknown): WireRequest {
  const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=UTF-8' };
  if (guid !== null) headers.Guid = guid;
  return { method, path: `${CCGATEWAY}${path}`, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
}

/** Huawei's own sign-in sample, for any agent and phone. */
export const ccgatewaySignIn = (agentId: string, password: string, phonenum: string): WireRequest =>
  ccgateway('PUT', `/onlineagent/${agentId}`, null, { password, phonenum, status: '4', releasephone: 'false', agenttype: '4' });

/** The seed's play request with another voice path. */
export const ccgatewayPlay = (agentId: string, guid: string, voicepath: string): WireRequest =>
  ccgateway('PUT', `/recordplay/${agentId}/play`, guid, { voicepath, startpostion: 0, volumechange: 20, speedchange: 20, times: 1, codeformat: 0, locationId: -1 });

export const ccgatewayPoll = (agentId: string, guid: string): WireRequest => ccgateway('GET', `/agentevent/${agentId}`, guid);

export function sipcall(fields: Readonly<Record<string, string>>): WireRequest {
  return {
    method: 'POST',
    path: '/',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  };
}

export const sipcallLogin: WireRequest = sipcall({ service: 'App.Sip_Auth.Login', appid: 'demoappid', accesskey: 'demoaccesskey' });

/** The seed's PlayVoice (extension group extGroup-1), with a real token and the call's `customuuid`. */
export const sipcallPlayVoice = (token: string, customuuid: string): WireRequest =>
  sipcall({
    service: 'App.Sip_Call.PlayVoice',
    token,
    voicetype: '2',
    destnumber: '13333333333',
    voicefile: 'wwww.baidu.com/test.mp3',
    chengshudu: '1',
    userid: '1@extGroup-1',
    disnumber: '13333333333',
    customuuid,
  });
