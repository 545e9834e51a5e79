import type supertest from 'supertest';

/** A Huawei client's side of the wire, the same for the unit and the whole-stack tests. */
export const BASE = '/agentgateway/resource';
export const JSON_TYPE = 'application/json;charset=UTF-8';
export const SUCCESS = '{"message":"success","retcode":"0","result":{}}';
export const failure = (retcode: string, message: string): string => `{"message":"${message}","retcode":"${retcode}","result":{}}`;

export const HUAWEI_SIGN_IN_SAMPLE = { password: '', phonenum: '40038', status: '4', releasephone: 'false', agenttype: '4' };

export const SEED_PLAY_BODY = {
  voicepath: 'Y:/1/0/20180621/105/1406470.V3',
  startpostion: 0,
  volumechange: 20,
  speedchange: 20,
  times: 1,
  codeformat: 0,
  locationId: -1,
};

/** The seed's play request for agent 101, as printed: its headers, the body pretty-printed. */
export function sendSeedPlayExample(http: ReturnType<typeof supertest>, guid: string): supertest.Test {
  return http
    .put(`${BASE}/recordplay/101/play`)
    .set('Content-Type', 'application/json; charset=UTF-8')
    .set('Guid', guid)
    .send(JSON.stringify(SEED_PLAY_BODY, null, 4));
}

/** Signs the agent in (or forces it in) as a client does, and returns the GUID of its `Set-GUID`. */
export async function signInOver(http: ReturnType<typeof supertest>, agentId: string, body: Record<string, unknown>, force = false): Promise<string> {
  const res = await http
    .put(`${BASE}/onlineagent/${agentId}${force ? '/forcelogin' : ''}`)
    .set('Content-Type', 'application/json; charset=UTF-8')
    .send(body);
  const header = String(res.headers['set-guid'] ?? '');
  if (!header.startsWith('JSESSIONID=')) throw new Error(`sign-in of ${agentId} failed: ${res.text}`);
  return header.slice('JSESSIONID='.length);
}
