import type supertest from 'supertest';

/**
 * The agent commands of the concurrency rounds as clients send them, and
 * their answers read back into the outcome words of agent-state-models.ts.
 * Anything else an answer says is kept verbatim, so a model mismatch shows
 * the real line.
 */

const VICIDIAL = '/agc/api.php?source=test&user=6666&pass=1234&agent_user=1000';
const CCGATEWAY = '/agentgateway/resource';
export const VICIDIAL_SOUND = 'ss-noservice';
export const CCGATEWAY_VOICEPATH = 'Y:/1/0/20180621/105/1406470.V3';

export type VicidialCommand = 'pause' | 'resume' | 'logout' | 'play' | 'playOver' | 'stop' | 'hangup';
export type CcgatewayCommand = 'sayBusy' | 'sayFree' | 'signOut' | 'play' | 'status';

export interface WireAnswer {
  status: number;
  text: string;
  headers: Record<string, string>;
}

/** Sends requests to the in-process app and counts them, so the API log can be held to the count. */
export class CountingClient {
  sent = 0;

  constructor(private readonly http: ReturnType<typeof supertest>) {}

  async send(method: 'get' | 'put' | 'post' | 'delete', path: string, headers: Record<string, string> = {}, body?: string): Promise<WireAnswer> {
    this.sent += 1;
    let test = this.http[method](path).timeout({ response: 20000, deadline: 20000 });
    for (const [name, value] of Object.entries(headers)) test = test.set(name, value);
    const response = body === undefined ? await test : await test.send(body);
    const flat: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers as Record<string, unknown>)) if (typeof value === 'string') flat[name] = value;
    return { status: response.status, text: response.text, headers: flat };
  }

  vicidial(query: string): Promise<WireAnswer> {
    return this.send('get', `${VICIDIAL}&${query}`);
  }

  ccgateway(method: 'get' | 'put' | 'post' | 'delete', path: string, guid: string | null, body?: unknown): Promise<WireAnswer> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=UTF-8' };
    if (guid !== null) headers.Guid = guid;
    return this.send(method, `${CCGATEWAY}${path}`, headers, body === undefined ? undefined : JSON.stringify(body));
  }
}

const VICIDIAL_QUERY: Record<VicidialCommand, string> = {
  pause: 'function=external_pause&value=PAUSE',
  resume: 'function=external_pause&value=RESUME',
  logout: 'function=logout&value=LOGOUT',
  play: `function=audio_playback&value=${VICIDIAL_SOUND}&stage=PLAY`,
  playOver: `function=audio_playback&value=${VICIDIAL_SOUND}&stage=PLAY&dial_override=Y`,
  stop: `function=audio_playback&value=${VICIDIAL_SOUND}&stage=STOP`,
  hangup: 'function=external_hangup&value=1',
};

export const sendVicidial = (client: CountingClient, command: VicidialCommand): Promise<WireAnswer> => client.vicidial(VICIDIAL_QUERY[command]);

/** The outcome word of a VICIdial answer (docs/vicidial.md, response lines), or the answer itself. */
export function vicidialOutcome(command: VicidialCommand, answer: WireAnswer): string {
  const text = answer.text;
  const table: Record<VicidialCommand, Array<[RegExp | string, string]>> = {
    pause: [
      [/^SUCCESS: external_pause function set - PAUSE\|\d{10}\|1000\n$/, 'SUCCESS'],
      ['ERROR: agent_user is not logged in - 1000\n', 'NOT_LOGGED_IN'],
    ],
    resume: [
      [/^SUCCESS: external_pause function set - RESUME\|\d{10}\|1000\n$/, 'SUCCESS'],
      ['ERROR: external_pause agent is not paused - RESUME|1000\n', 'NOT_PAUSED'],
      ['ERROR: agent_user is not logged in - 1000\n', 'NOT_LOGGED_IN'],
    ],
    logout: [
      [/^SUCCESS: logout function set - LOGOUT\|\d{10}\|1000\n$/, 'SUCCESS'],
      ['ERROR: agent_user is not logged in - 1000\n', 'NOT_LOGGED_IN'],
    ],
    play: [
      [`SUCCESS: audio_playback function sent - ${VICIDIAL_SOUND}|PLAY|1000\n`, 'SUCCESS'],
      ['ERROR: audio_playback error - audio already playing in agent session - 8600051|10.10.10.15|PLAY||1000\n', 'ALREADY_PLAYING'],
      ['ERROR: agent_user is not logged in - PLAY|1000\n', 'NOT_LOGGED_IN'],
    ],
    playOver: [
      [`SUCCESS: audio_playback function sent - ${VICIDIAL_SOUND}|PLAY|1000\n`, 'SUCCESS'],
      [`NOTICE: audio_playback previous playback stopped - PLAY|Y|1000\nSUCCESS: audio_playback function sent - ${VICIDIAL_SOUND}|PLAY|1000\n`, 'REPLACED'],
      ['ERROR: agent_user is not logged in - PLAY|1000\n', 'NOT_LOGGED_IN'],
    ],
    stop: [
      [`SUCCESS: audio_playback function sent - ${VICIDIAL_SOUND}|STOP|1000\n`, 'SUCCESS'],
      ['ERROR: audio_playback error - no audio playing in agent session - 8600051|10.10.10.15|STOP|1000\n', 'NO_AUDIO'],
      ['ERROR: agent_user is not logged in - STOP|1000\n', 'NOT_LOGGED_IN'],
    ],
    hangup: [
      ['SUCCESS: external_hangup function set - 1|1000\n', 'SUCCESS'],
      ['ERROR: agent_user is not logged in - 1000\n', 'NOT_LOGGED_IN'],
    ],
  };
  const lines = table[command];
  if (answer.status !== 200) return `HTTP ${answer.status} ${text}`;
  for (const [line, outcome] of lines) if (typeof line === 'string' ? text === line : line.test(text)) return outcome;
  return text;
}

export function sendCcgateway(client: CountingClient, agentId: string, guid: string, command: CcgatewayCommand): Promise<WireAnswer> {
  switch (command) {
    case 'sayBusy':
      return client.ccgateway('post', `/onlineagent/${agentId}/saybusy`, guid);
    case 'sayFree':
      return client.ccgateway('post', `/onlineagent/${agentId}/sayfree`, guid);
    case 'signOut':
      return client.ccgateway('delete', `/onlineagent/${agentId}/logout`, guid);
    case 'play':
      return client.ccgateway('put', `/recordplay/${agentId}/play`, guid, {
        voicepath: CCGATEWAY_VOICEPATH,
        startpostion: 0,
        volumechange: 20,
        speedchange: 20,
        times: 1,
        codeformat: 0,
        locationId: -1,
      });
    case 'status':
      return client.ccgateway('get', `/onlineagent/${agentId}/agentstatus`, guid);
  }
}

/** The retcode of a CC-Gateway answer, or the whole answer when it is not the dialect's JSON. */
export function retcodeOf(answer: WireAnswer): string {
  return ccgatewayOutcome('sayFree', answer);
}

/** The retcode of a CC-Gateway answer; agentstatus answers its CTI code (4 and 5 both read `talking`: the phone may still ring). */
export function ccgatewayOutcome(command: CcgatewayCommand, answer: WireAnswer): string {
  let body: { retcode?: unknown; result?: unknown; message?: unknown };
  try {
    body = JSON.parse(answer.text) as typeof body;
  } catch {
    return `HTTP ${answer.status} ${answer.text}`;
  }
  if (answer.status !== 200 || typeof body.retcode !== 'string') return `HTTP ${answer.status} ${answer.text}`;
  if (command === 'status' && body.retcode === '0') return body.result === 4 || body.result === 5 ? 'talking' : String(body.result);
  return body.retcode;
}

/** A CC-Gateway event as the tests compare them: its type, and its content when it has one. */
export function eventWord(event: { eventType: string; content: unknown }): string {
  return event.content === null || event.content === undefined ? event.eventType : `${event.eventType} ${JSON.stringify(event.content)}`;
}

export type PollAnswer = { kind: 'event'; word: string } | { kind: 'empty' } | { kind: 'refused'; retcode: string };

export async function pollEvent(client: CountingClient, agentId: string, guid: string): Promise<PollAnswer> {
  const answer = await client.ccgateway('get', `/agentevent/${agentId}`, guid);
  const body = JSON.parse(answer.text) as { retcode: string; event?: { eventType: string; content: unknown } | null };
  if (body.retcode !== '0') return { kind: 'refused', retcode: body.retcode };
  return body.event ? { kind: 'event', word: eventWord(body.event) } : { kind: 'empty' };
}

export async function signIn(client: CountingClient, agentId: string, password: string, phonenum: string, status: '3' | '4' | '5'): Promise<string> {
  const answer = await client.ccgateway('put', `/onlineagent/${agentId}`, null, { password, phonenum, status, releasephone: 'false', agenttype: '4' });
  const header = answer.headers['set-guid'] ?? '';
  if (!header.startsWith('JSESSIONID=')) throw new Error(`sign-in of ${agentId} answered ${answer.status} ${answer.text}`);
  return header.slice('JSESSIONID='.length);
}
