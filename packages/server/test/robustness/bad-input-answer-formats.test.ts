import { answerProblems } from './support/dialect-answer-formats';
import type { DialectName } from './support/dialect-operations';
import type { Answer } from './support/http-exchange';
import type { WireRequest } from './support/request-shape';

/**
 * The format checkers of the bad-input run must accept each dialect's
 * documented answers and refuse what a failing gateway would send: a checker
 * that accepts everything would make the run always green.
 */

/** docs/vicidial.md, "webserver". */
const WEBSERVER_REPORT = `<PRE>Webserver Data:\n${['set.timezone', 'abbr.timezone', 'dst.timezone', 'uname', 'host name', 'server name', 'php version', 'apache version', 'apache processes', 'system load average', 'disk free space', 'date.timezone', 'maximum execution time', 'maximum input time', 'memory limit', 'post maximum size', 'upload maximum filesize', 'default socket timeout'].map((key) => `${key}: x\n`).join('')}</PRE>\n`;

const GET: WireRequest = { method: 'GET', target: '/x?a=1', headers: {} };

const VICIDIAL_HEADERS = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache, must-revalidate' };
const VOIPSUN_HEADERS = { 'content-type': 'application/json; charset=utf-8' };
const CCGATEWAY_HEADERS = { 'content-type': 'application/json;charset=UTF-8' };
const SIPCALL_HEADERS = { 'content-type': 'application/json;charset=utf-8' };
const HEADERS: Record<DialectName, Record<string, string>> = { vicidial: VICIDIAL_HEADERS, voipsun: VOIPSUN_HEADERS, ccgateway: CCGATEWAY_HEADERS, sipcall: SIPCALL_HEADERS };

const answer = (dialect: DialectName, body: string, status = 200, headers: Record<string, string> = HEADERS[dialect]): Answer => ({
  status,
  headers,
  body: Buffer.from(body, 'utf8'),
  elapsedMs: 1,
});

describe('the answer checkers of the bad-input run', () => {
  it.each([
    ['vicidial', 'ERROR: Invalid Username/Password: |6666||0|1|BAD|0|api||\n'],
    ['vicidial', 'NOTICE: audio_playback previous playback stopped - PLAY|Y|1000\nSUCCESS: audio_playback function sent - ss-noservice|PLAY|1000\n'],
    ['vicidial', ''],
    ['vicidial', WEBSERVER_REPORT],
    ['vicidial', 'ERROR: agent call is not inbound - 1000|agent-1000_5f0c'],
    ['voipsun', '{"success":"false","errno":"120","reason":"Missing required parameters"}'],
    ['voipsun', '{"success":"true","total":"0","results":[]}'],
    ['ccgateway', '{"message":"agent not signed in","retcode":"100-006","result":{}}'],
    ['ccgateway', '{"message":"","retcode":"0","event":null}'],
    ['sipcall', '{"ret":400,"data":[],"msg":"Bad Request: destnumber require, but miss"}'],
    ['sipcall', '{"ret":200,"data":{"status":1,"desc":"Invalid number","errors":{"code":"1002","codemsg":"Invalid number"},"reqtime":1,"rsptime":1},"msg":""}'],
  ] as const)('accepts a documented %s answer: %s', (dialect, body) => {
    expect(answerProblems(dialect, GET, answer(dialect, body))).toEqual([]);
  });

  it.each([
    ['vicidial', 'ERROR: service unavailable\n'],
    ['vicidial', '<PRE>Webserver Data:\nuname: Linux\n'],
    ['vicidial', 'ERROR: agent_user is not logged in - 1000'],
    ['vicidial', '<!DOCTYPE html>\n<html lang="en"><head><title>Error</title></head><body><pre>Internal Server Error</pre></body></html>'],
    ['vicidial', 'SUCCESS: logout function set - LOGOUT|1795244049|1000\n    at Object.<anonymous> (/srv/packages/dialect-vicidial/dist/handler.js:12:3)\n'],
    ['voipsun', '{"success":"false","errno":"999","reason":"Internal error"}'],
    ['voipsun', '{"success":"false","errno":"120","reason":"undefined"}'],
    ['voipsun', ''],
    ['ccgateway', '{"message":"[object Object]","retcode":"100-006","result":{}}'],
    ['ccgateway', '{"retcode":"0","message":"","result":{}}'],
    ['sipcall', '{"ret":500,"data":[],"msg":"Internal Server Error: unexpected failure"}'],
    ['sipcall', '{"ret":400,"data":{},"msg":"Bad Request: x"}'],
  ] as const)('refuses a %s answer no client may see: %s', (dialect, body) => {
    expect(answerProblems(dialect, GET, answer(dialect, body))).not.toEqual([]);
  });

  it('refuses a 5xx, another content type, and an X-Powered-By header', () => {
    expect(answerProblems('voipsun', GET, answer('voipsun', '{"success":"true"}', 502))).toContain('HTTP 502');
    expect(answerProblems('sipcall', GET, answer('sipcall', '{"ret":404,"data":[],"msg":"x"}', 200, { 'content-type': 'text/html' }))).not.toEqual([]);
    expect(answerProblems('ccgateway', GET, answer('ccgateway', '{"message":"","retcode":"0","result":1}', 200, { ...CCGATEWAY_HEADERS, 'x-powered-by': 'Express' }))).toContain('X-Powered-By header');
  });

  it('accepts a Non-Agent export whose row a stored line break spans, but not a row followed by a stack trace', () => {
    const agentStatus: WireRequest = { method: 'GET', target: '/vicidial/non_agent_api.php?function=agent_status&agent_user=1000', headers: {} };
    // vendor_lead_code "1234567\n", stored by an earlier update_lead: 13 columns over two lines.
    const spanned = 'PAUSED||2|TESTCAMP|0|Demo Agent||||DISPO|7275551213|1234567\n|8600051\n';
    expect(answerProblems('vicidial', agentStatus, answer('vicidial', spanned))).toEqual([]);
    expect(answerProblems('vicidial', agentStatus, answer('vicidial', 'PAUSED||2|TESTCAMP|0|Demo Agent|||\nstack trace at x\n'))).not.toEqual([]);
  });

  it('lets a dialect echo what the client sent, but not invent it', () => {
    const echoing: WireRequest = { method: 'GET', target: '/agc/api.php?stage=undefined', headers: {} };
    const body = 'ERROR: audio_playback not valid - |undefined|1000\n';
    expect(answerProblems('vicidial', echoing, answer('vicidial', body))).toEqual([]);
    expect(answerProblems('vicidial', GET, answer('vicidial', body))).toContain('answer contains "undefined"');
  });
});
