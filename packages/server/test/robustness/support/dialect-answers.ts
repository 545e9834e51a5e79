import type { WireReply } from './wire-client';

/**
 * The answers each dialect documents (docs/<dialect>.md) for the two faults
 * these tests act out: the telephony engine away, and the store failing.
 * Each checker throws with the whole reply when it does not match, so a
 * failure shows what the client got.
 */

export type ReplyCheck = (reply: WireReply) => void;

function exactly(contentType: string, body: string | RegExp): ReplyCheck {
  return (reply) => {
    const bodyMatches = typeof body === 'string' ? reply.text === body : body.test(reply.text);
    if (reply.status !== 200 || reply.contentType.toLowerCase() !== contentType.toLowerCase() || !bodyMatches) {
      throw new Error(`expected HTTP 200 ${contentType} ${String(body)}, got HTTP ${reply.status} ${reply.contentType} ${JSON.stringify(reply.text)}`);
    }
  };
}

const VICIDIAL_TYPE = 'text/html; charset=utf-8';
const VOIPSUN_TYPE = 'application/json; charset=utf-8';
const CCGATEWAY_TYPE = 'application/json;charset=UTF-8';
const SIPCALL_TYPE = 'application/json;charset=utf-8';

export const vicidialAnswer = {
  /** docs/vicidial.md, "Telephony failures (gateway only)". */
  telephonyFailed: (fn: string, agent: string) => exactly(VICIDIAL_TYPE, `ERROR: ${fn} error - telephony command failed - ${agent}\n`),
  /** docs/vicidial.md, Transport: "Anything unexpected (the database unreachable, a bug)". */
  serviceUnavailable: (fn: string, agent: string) =>
    exactly(VICIDIAL_TYPE, new RegExp(`^ERROR: (service unavailable|${fn} error - service unavailable - ${agent})\\n$`)),
  /** The Agent API's `version` (answered before any login). */
  version: exactly(VICIDIAL_TYPE, /^VERSION: [^|]+\|BUILD: [^|]+\|DATE: [^|]+\|EPOCH: \d{10}\n$/),
  pause: (value: 'PAUSE' | 'RESUME', agent: string) => exactly(VICIDIAL_TYPE, new RegExp(`^SUCCESS: external_pause function set - ${value}\\|\\d{10}\\|${agent}\\n$`)),
  playSent: (sound: string, agent: string) => exactly(VICIDIAL_TYPE, `SUCCESS: audio_playback function sent - ${sound}|PLAY|${agent}\n`),
};

export const voipsunAnswer = {
  success: exactly(VOIPSUN_TYPE, '{"success":"true"}'),
  listed: exactly(VOIPSUN_TYPE, /^\{"success":"true","total":"\d+","results":\[.*\]\}$/),
  /** docs/voipsun.md: errno 900, the engine unavailable. */
  pbxUnavailable: exactly(VOIPSUN_TYPE, '{"success":"false","errno":"900","reason":"PBX unavailable"}'),
  /** docs/voipsun.md: errno 999, anything unexpected, e.g. the database down. */
  internalError: exactly(VOIPSUN_TYPE, '{"success":"false","errno":"999","reason":"Internal error"}'),
};

const ccgatewayFailure = (retcode: string, message: string): ReplyCheck => exactly(CCGATEWAY_TYPE, `{"message":"${message}","retcode":"${retcode}","result":{}}`);

export const ccgatewayAnswer = {
  success: exactly(CCGATEWAY_TYPE, '{"message":"success","retcode":"0","result":{}}'),
  /** agentstatus: the CTI status code. */
  status: exactly(CCGATEWAY_TYPE, /^\{"message":"","retcode":"0","result":\d+\}$/),
  /** An agentevent answer: an event or `event: null`. */
  polled: exactly(CCGATEWAY_TYPE, /^\{"message":"","retcode":"0","event":(null|\{.*\})\}$/),
  /** docs/cc-gateway.md: `100-007`, the engine unavailable (and anything unexpected). */
  internalError: ccgatewayFailure('100-007', 'internal error while executing the agent operation'),
  /** docs/cc-gateway.md: `100-003`, sign-in while the engine is unavailable. */
  ctiUnavailable: ccgatewayFailure('100-003', 'cti resource unavailable'),
};

export const sipcallAnswer = {
  /** A Login that issued a token. */
  loggedIn: exactly(SIPCALL_TYPE, /^\{"ret":200,"data":\{"status":0,"desc":"Authorization successful","result":\{"companycode":"2028",.*\},"reqtime":\d+,"rsptime":\d+\},"msg":""\}$/),
  played: exactly(SIPCALL_TYPE, /^\{"ret":200,"data":\{"status":0,"desc":"Play command sent successfully","reqtime":\d+,"rsptime":\d+\},"msg":""\}$/),
  /** docs/sip-call.md: business 1001, the engine unreachable. */
  pbxUnavailable: exactly(
    SIPCALL_TYPE,
    /^\{"ret":200,"data":\{"status":1,"desc":"Could not connect to the telephony server","errors":\{"code":"1001","codemsg":"Could not connect to the telephony server"\},"reqtime":\d+,"rsptime":\d+\},"msg":""\}$/,
  ),
  /** docs/sip-call.md: ret 500, anything unexpected. */
  unexpected: exactly(SIPCALL_TYPE, '{"ret":500,"data":[],"msg":"Internal Server Error: unexpected failure"}'),
};

/** The token of a Sip_Call Login answer. */
export function sipcallToken(reply: WireReply): string {
  sipcallAnswer.loggedIn(reply);
  return (JSON.parse(reply.text) as { data: { result: { token: string } } }).data.result.token;
}

/** The GUID of a CC-Gateway sign-in answer (its `Set-GUID` header). */
export function ccgatewayGuid(reply: WireReply): string {
  const header = reply.headers['set-guid'] ?? '';
  if (!header.startsWith('JSESSIONID=')) throw new Error(`sign-in answered HTTP ${reply.status} ${reply.text}`);
  return header.slice('JSESSIONID='.length);
}

/** Passes when any of `checks` passes; otherwise reports them all. */
export function anyOf(...checks: ReplyCheck[]): ReplyCheck {
  return (reply) => {
    const problems: string[] = [];
    for (const check of checks) {
      try {
        check(reply);
        return;
      } catch (error) {
        problems.push(error instanceof Error ? error.message : String(error));
      }
    }
    throw new Error(problems.join('; or '));
  };
}
