import type { LiveCredentials } from './dialect-operations';
import type { RequestLedger } from './request-ledger';
import type { WireRequest } from './request-shape';

/**
 * Valid requests that (re)establish what the mutated requests work on: the
 * CC-Gateway sessions of agents 101 and 102 with their GUIDs (forced, so a
 * sign-in of another session or a sign-out among the mutations is undone),
 * and Sip_Call tokens. They go through the ledger like every other request.
 */

const SIGN_IN_101 = { password: '', phonenum: '40038', status: '4', releasephone: 'false', agenttype: '4' };
const SIGN_IN_102 = { password: 'Agent@102', phonenum: '102', status: '4', releasephone: 'false', agenttype: '4' };

function forcedSignIn(agentId: string, body: Record<string, string>): WireRequest {
  return {
    method: 'PUT',
    target: `/agentgateway/resource/onlineagent/${agentId}/forcelogin`,
    headers: { 'Content-Type': 'application/json; charset=UTF-8' },
    body: Buffer.from(JSON.stringify(body), 'utf8'),
  };
}

export const SIPCALL_LOGIN: WireRequest = {
  method: 'POST',
  target: '/',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body: Buffer.from('service=App.Sip_Auth.Login&appid=demoappid&accesskey=demoaccesskey', 'latin1'),
};

async function guidOf(ledger: RequestLedger, agentId: string, body: Record<string, string>): Promise<string> {
  const answer = await ledger.send('ccgateway', 'forceLogin (session keeper)', forcedSignIn(agentId, body));
  const header = String(answer?.headers['set-guid'] ?? '');
  if (!header.startsWith('JSESSIONID=')) throw new Error(`forced sign-in of agent ${agentId} failed: ${answer?.status} ${answer?.body.toString('utf8')}`);
  return header.slice('JSESSIONID='.length);
}

export async function sipcallToken(ledger: RequestLedger): Promise<string> {
  const answer = await ledger.send('sipcall', 'App.Sip_Auth.Login (session keeper)', SIPCALL_LOGIN);
  const token = /"token":"([0-9a-f]{32})"/.exec(answer?.body.toString('utf8') ?? '')?.[1];
  if (!token) throw new Error(`Sip_Call login failed: ${answer?.status} ${answer?.body.toString('utf8')}`);
  return token;
}

export async function establishSessions(ledger: RequestLedger): Promise<LiveCredentials> {
  return {
    guid101: await guidOf(ledger, '101', SIGN_IN_101),
    guid102: await guidOf(ledger, '102', SIGN_IN_102),
    sipcallToken: await sipcallToken(ledger),
    sipcallLogoutToken: await sipcallToken(ledger),
  };
}

/**
 * What a client does when it is done: stops the audio it left playing or
 * paused in agent 1000's conference, and signs the CC-Gateway agents in
 * afresh (which ends whatever their old sessions were doing). Paused audio
 * otherwise waits for its client for ever, as it should.
 */
export async function finishWork(ledger: RequestLedger): Promise<LiveCredentials> {
  await ledger.send('vicidial', 'audio_playback STOP (after the run)', {
    method: 'GET',
    target: '/agc/api.php?source=test&user=6666&pass=1234&agent_user=1000&function=audio_playback&stage=STOP',
    headers: {},
  });
  return establishSessions(ledger);
}
