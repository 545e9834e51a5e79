import type { DialectName } from './dialect-operations';
import type { Answer } from './http-exchange';
import type { WireRequest } from './request-shape';

/**
 * One checker per dialect, written from its page in docs/: whatever a client
 * sent, the answer must be in that dialect's own format (its error or success
 * shapes, its status codes and content type) and carry nothing of the
 * gateway's insides. Each returns the problems it found; none means the
 * answer is one the dialect documents.
 */

/** Signs of a failure leaking out: checked only when the request did not carry the same text (echoes are the dialect's business). */
const LEAK_MARKERS = ['undefined', 'NaN', '[object Object]', 'Error:', 'TypeError', 'SyntaxError', 'RangeError', 'ReferenceError', '<!DOCTYPE', '<pre>', 'Cannot ', 'node:internal', '/packages/', 'ECONNREFUSED', 'knex', 'pg_'];
const STACK_FRAME = /\bat (?:async )?[\w$.<>[\]]+ \([^)\n]*:\d+:\d+\)|\n\s+at [^\n]+:\d+:\d+/;

const sentTexts = new WeakMap<WireRequest, string>();

/** Everything the client sent, raw and decoded, to tell an echo from the gateway's own words (computed once per request). */
function requestText(request: WireRequest): string {
  const known = sentTexts.get(request);
  if (known !== undefined) return known;
  let decoded = request.target;
  try {
    decoded = decodeURIComponent(request.target.replace(/\+/g, ' '));
  } catch {
    // Broken escapes stay as sent.
  }
  const body = request.body ?? Buffer.alloc(0);
  const text = [request.target, decoded, body.toString('utf8'), body.toString('latin1'), JSON.stringify(request.headers)].join('\n');
  sentTexts.set(request, text);
  return text;
}

function commonProblems(request: WireRequest, answer: Answer, text: string): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`HTTP ${answer.status}`);
  if (answer.headers['x-powered-by'] !== undefined) problems.push('X-Powered-By header');
  for (const marker of LEAK_MARKERS) if (text.includes(marker) && !requestText(request).includes(marker)) problems.push(`answer contains ${JSON.stringify(marker)}`);
  if (STACK_FRAME.test(text) && !STACK_FRAME.test(requestText(request))) problems.push('answer contains a stack frame');
  return problems;
}

const contentType = (answer: Answer): string => String(answer.headers['content-type'] ?? '');

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

// ---- VICIdial (docs/vicidial.md) ----------------------------------------------------------------

const VICIDIAL_LINE = /^(?:SUCCESS|ERROR|NOTICE|VERSION): /;
/** send_notification's prefix before a recipient of an unknown type, with no newline after it (docs/vicidial.md). */
const UNKNOWN_RECIPIENT_TYPE_PREFIX = /^Invalid recipient_type \([^\n]*?\), /;
const DEBUG_HEADER = /^<html>\n<head>\n<!-- VERSION: [^\n]*\n<title>VICIDiaL Agent API<\/title>\n<\/head>\n<BODY BGCOLOR=white marginheight=0 marginwidth=0 leftmargin=0 topmargin=0>\n/;
const DEBUG_FOOTER = /\n<!-- script runtime: \d+ seconds -->\n<\/body>\n<\/html>\n$/;
const ACTION_COMMENT = /\n<!-- [a-z_]+: [^\n]*? -->/g;
const CLOSE_LINK = `\n<a href="javascript:window.opener='x';window.close();">Close This Window</a>\n`;
const TEAPOT = /^Coffee: [^\n]*\|Error 418 I'm a teapot$/;
const CALLS_IN_QUEUE_COUNT = /^SUCCESS: calls_in_queue_count - \d+$/;
const SWITCH_LEAD_NOT_INBOUND = /^ERROR: agent call is not inbound - [^\n]*$/;
const WEBSERVER_REPORT = /^<PRE>Webserver Data:\n(?:[a-z. ]+: [^\n]*\n){18}<\/PRE>\n$/;

function echoesLineBreaks(request: WireRequest): boolean {
  const body = request.body?.toString('latin1') ?? '';
  return /%0[aAdD]|[\r\n]/.test(`${request.target}${body}`);
}

/**
 * A Non-Agent export (docs/vicidial.md, "Exports"): rows, maybe under a
 * header, whose columns one separator (`|`, `,` or a tab) divides alike on
 * every row. A row may span lines: free-text lead fields keep the line
 * breaks a client stored in them (spec §1.3 drops only `;` and `#`), and
 * the export prints them as VICIdial does, so an earlier request of the
 * same run can break a later export's row.
 */
function isNonAgentExport(request: WireRequest, lines: readonly string[]): boolean {
  if (!request.target.includes('non_agent_api')) return false;
  return ['|', ',', '\t'].some((separator) => {
    const columnsOf = (line: string): number => line.split(separator).length;
    const separators = lines.reduce((sum, line) => sum + columnsOf(line) - 1, 0);
    for (let columns = Math.max(5, columnsOf(lines[0]!)); columns <= separators + 1; columns++) {
      if (rowsSpanLinesAlike(lines, columnsOf, columns)) return true;
    }
    return false;
  });
}

function rowsSpanLinesAlike(lines: readonly string[], columnsOf: (line: string) => number, columns: number): boolean {
  let row: string | undefined;
  for (const line of lines) {
    row = row === undefined ? line : `${row}\n${line}`;
    const count = columnsOf(row);
    if (count > columns) return false;
    if (count === columns) row = undefined;
  }
  return row === undefined;
}

function vicidialProblems(request: WireRequest, answer: Answer, text: string): string[] {
  const problems: string[] = [];
  if (contentType(answer) !== 'text/html; charset=utf-8') problems.push(`Content-Type ${contentType(answer)}`);
  if (answer.headers['cache-control'] !== 'no-cache, must-revalidate') problems.push(`Cache-Control ${String(answer.headers['cache-control'])}`);
  if (answer.status === 418) {
    if (request.method !== 'HEAD' && !TEAPOT.test(text)) problems.push('418 without the teapot line');
    return problems;
  }
  if (answer.status !== 200) problems.push(`HTTP ${answer.status} (VICIdial answers 200)`);
  if (request.method === 'HEAD') return problems;
  if (/ERROR: (?:[a-z_]+ error - )?service unavailable/.test(text)) problems.push('the generic "service unavailable" answer (an unexpected failure inside the dialect)');
  let body = text.replace(DEBUG_HEADER, '').replace(DEBUG_FOOTER, '').replace(ACTION_COMMENT, '');
  if (body.endsWith(CLOSE_LINK)) body = body.slice(0, -CLOSE_LINK.length);
  if (body === '') return problems; // an unknown or not yet implemented function
  if (body.startsWith('<PRE>Webserver Data:\n')) {
    // webserver's report (docs/vicidial.md, "webserver"): key: value lines, then </PRE>.
    if (!WEBSERVER_REPORT.test(body)) problems.push(`not a webserver report: ${JSON.stringify(body.slice(0, 120))}`);
    return problems;
  }
  // calls_in_queue_count's SUCCESS and switch_lead's "not inbound" have no newline, as VICIdial's (docs/vicidial.md).
  if (!body.endsWith('\n') && !CALLS_IN_QUEUE_COUNT.test(body) && !SWITCH_LEAD_NOT_INBOUND.test(body)) problems.push('answer does not end with a newline');
  const lines = body.replace(UNKNOWN_RECIPIENT_TYPE_PREFIX, '').replace(/\n$/, '').split('\n');
  if (isNonAgentExport(request, lines)) return problems;
  if (!VICIDIAL_LINE.test(lines[0]!)) problems.push(`first line is not a VICIdial answer line: ${JSON.stringify(lines[0]!.slice(0, 120))}`);
  // Echoed values may carry the client's own line breaks; without any, every line is an answer line.
  if (lines.length > 1 && !echoesLineBreaks(request)) {
    for (const line of lines.slice(1)) if (!VICIDIAL_LINE.test(line)) problems.push(`line is not a VICIdial answer line: ${JSON.stringify(line.slice(0, 120))}`);
  }
  if (/<html|<body/i.test(body) && !/<html|<body/i.test(requestText(request))) problems.push('HTML outside the debug wrapper');
  return problems;
}

// ---- VoIPSUN (docs/voipsun.md, "Every answer this dialect emits") ---------------------------------

const VOIPSUN_REASONS: Readonly<Record<string, string>> = {
  '100': 'Unauthorized user or bad permissions',
  '110': 'Unknown action',
  '120': 'Missing required parameters',
  '200': 'Use only one of next variables: srcExtenPublicNum, srcExtenInternalNum, srcExtenId, srcSipUsername',
  '201': 'Parameter dialPlanName missing',
  '202': 'Extension not found',
  '203': 'Dialplan not found',
  '220': 'SIP channel is unreacheable',
  '221': 'SIP channel status - Channel is down, but reservered',
  '225': 'SIP channel status - Remote end is ringing',
  '226': 'SIP channel status - Line is up',
  '227': 'SIP channel status - Line is busy',
  '228': 'SIP channel stauts - Channel is down and available',
  '250': 'Outroute not found!',
  '251': 'Context not found!',
  '300': 'Use only one of next variables: srcExtenPublicNum, srcExtenInternalNum, srcExtenId, srcSipUsername',
  '301': 'Use only one of next variables: dstExtenPublicNum, dstExtenInternalNum, dstExtenId, dstSipUsername, dstChannelName',
  '302': 'Source parameter srcDialplanName missing',
  '303': 'Source extension not found',
  '304': 'Source dialplan not found',
  '310': 'Destination parameter dstDialplanName missing',
  '311': 'Destination extension not found',
  '312': 'Destination dialplan not found',
  '400': 'Parameter channelName is empty',
  '401': 'Channel not found',
  '900': 'PBX unavailable',
  '901': 'PBX rejected the request',
};
const LISTCALLS_FIELDS = ['channelName', 'context', 'src', 'dst', 'duration', 'status', 'accountCode', 'sourceType', 'idChannel'];
const SIPSTATUS_FIELDS = ['id', 'type', 'user', 'host', 'port', 'status', 'useragent', 'regcontact', 'registry'];

/** sipstatus's own shape: numbers where the document has numbers, `success` the boolean true, then `_debug`. */
function sipstatusProblems(value: Record<string, unknown>, text: string): string[] {
  if (Object.keys(value).join(',') !== 'total,results,success,_debug' || value._debug !== false || !Array.isArray(value.results)) return [`unknown sipstatus shape: ${text.slice(0, 120)}`];
  const problems: string[] = [];
  if (value.total !== value.results.length) problems.push('sipstatus total differs from its results');
  for (const result of value.results) {
    const peer = isPlainObject(result) ? result : {};
    const idKey = peer.type === 'extension_line' ? 'extension_line_id' : 'sip_id';
    if (Object.keys(peer).join(',') !== [...SIPSTATUS_FIELDS, idKey].join(',') || typeof peer.id !== 'number' || peer.registry !== null) {
      problems.push(`sipstatus result of another shape: ${JSON.stringify(result).slice(0, 160)}`);
    }
  }
  return problems;
}

function voipsunProblems(request: WireRequest, answer: Answer, text: string): string[] {
  const problems: string[] = [];
  if (answer.status !== 200) problems.push(`HTTP ${answer.status} (VoIPSUN answers 200)`);
  if (contentType(answer) !== 'application/json; charset=utf-8') problems.push(`Content-Type ${contentType(answer)}`);
  if (request.method === 'HEAD') return problems;
  const parsed = parseJson(text);
  if (!parsed.ok || !isPlainObject(parsed.value)) return [...problems, `not a JSON object: ${JSON.stringify(text.slice(0, 120))}`];
  const value = parsed.value;
  const keys = Object.keys(value).join(',');
  if (value.success === true) return [...problems, ...sipstatusProblems(value, text)];
  if (value.success === 'true') {
    if (keys === 'success') return problems;
    if (keys !== 'success,total,results' || typeof value.total !== 'string' || !Array.isArray(value.results)) return [...problems, `unknown success shape: ${text.slice(0, 120)}`];
    if (value.total !== String(value.results.length)) problems.push('listcalls total differs from its results');
    for (const result of value.results) {
      if (!isPlainObject(result) || Object.keys(result).join(',') !== LISTCALLS_FIELDS.join(',') || Object.values(result).some((field) => typeof field !== 'string')) {
        problems.push(`listcalls result of another shape: ${JSON.stringify(result).slice(0, 160)}`);
      }
    }
    return problems;
  }
  if (value.success !== 'false' || keys !== 'success,errno,reason') return [...problems, `neither success nor error: ${text.slice(0, 120)}`];
  if (value.errno === '999') return [...problems, 'errno 999 (an unexpected failure inside the dialect)'];
  const reason = VOIPSUN_REASONS[String(value.errno)];
  if (reason === undefined) problems.push(`undocumented errno ${String(value.errno)}`);
  else if (value.reason !== reason) problems.push(`errno ${String(value.errno)} with reason ${JSON.stringify(value.reason)}`);
  return problems;
}

// ---- CC-Gateway (docs/cc-gateway.md, "Envelope and every answer line") ----------------------------

const CCGATEWAY_MESSAGES: Readonly<Record<string, readonly string[]>> = {
  '000-002': ['invalid parameter', 'not supported', 'no such interface'],
  '000-003': ['no permission'],
  '100-001': ['sign-in parameter empty or invalid'],
  '100-002': ['agent already signed in'],
  '100-003': ['cti resource unavailable'],
  '100-004': ['wrong agent id or password'],
  '100-005': ['invalid sign-out parameter'],
  '100-006': ['agent not signed in'],
  '100-007': ['internal error while executing the agent operation'],
  '100-009': ['agent state cannot be changed'],
  '100-010': ['agent state does not allow sign-out'],
  '100-011': ['invalid sign-in parameter'],
  '100-012': ['invalid agent type'],
  '100-013': ['invalid phone number'],
  '100-014': ['phone number out of range'],
  '100-015': ['agent already signed in and forced sign-in not allowed'],
  '100-016': ['invalid ip address'],
  '110-016': ['account locked'],
  '200-001': ['invalid called number'],
  '200-003': ['no call to mute'],
  '200-004': ['call state does not allow mute'],
  '200-007': ['no call to unmute'],
  '200-008': ['call state does not allow unmute'],
  '200-010': ['no call for a three-party call'],
  '200-011': ['no held call for a three-party call'],
  '200-012': ['no call to transfer'],
  '200-013': ['no call to hold'],
  '200-014': ['call state does not allow hold'],
  '200-015': ['no held call'],
  '200-016': ['call state does not allow retrieving the held call'],
  '200-017': ['no call to release'],
  '200-023': ['no call to release a connection of'],
  '200-024': ['no such number to release in the call'],
  '400-001': ['no call to set the call data of'],
  '500-001': ['playback state does not allow rewind'],
  '500-002': ['playback state does not allow fast-forward'],
  '500-003': ['playback state does not allow pause'],
  '500-004': ['recording state does not allow pause'],
  '500-005': ['playback state does not allow resume'],
  '500-006': ['recording state does not allow resume'],
  '500-007': ['state does not allow starting playback'],
  '500-008': ['state does not allow starting recording'],
  '500-009': ['no playback to stop'],
};
const CCGATEWAY_NO_SUCH_INTERFACE = '{"message":"no such interface","retcode":"000-002","result":{}}';

function ccgatewayProblems(request: WireRequest, answer: Answer, text: string): string[] {
  const problems: string[] = [];
  if (![200, 404, 405].includes(answer.status)) problems.push(`HTTP ${answer.status} (CC-Gateway answers 200, 404 or 405)`);
  if (answer.status === 405) {
    if (text !== '') problems.push('405 with a body');
    if (!/^(?:GET|PUT|POST|DELETE)(?:, (?:GET|PUT|POST|DELETE))*$/.test(String(answer.headers.allow ?? ''))) problems.push(`405 with Allow ${String(answer.headers.allow)}`);
    return problems;
  }
  if (contentType(answer) !== 'application/json;charset=UTF-8') problems.push(`Content-Type ${contentType(answer)}`);
  if (request.method === 'HEAD') return problems;
  if (answer.status === 404 && text !== CCGATEWAY_NO_SUCH_INTERFACE) problems.push(`404 with ${JSON.stringify(text.slice(0, 120))}`);
  const parsed = parseJson(text);
  if (!parsed.ok || !isPlainObject(parsed.value)) return [...problems, `not a JSON object: ${JSON.stringify(text.slice(0, 120))}`];
  const value = parsed.value;
  const keys = Object.keys(value);
  if (keys[0] !== 'message' || keys[1] !== 'retcode' || !['result', 'event'].includes(keys[2] ?? '') || keys.length !== 3) problems.push(`envelope keys ${keys.join(',')}`);
  if (typeof value.message !== 'string') problems.push('message is not a string');
  if (value.retcode === '0') return problems;
  const messages = CCGATEWAY_MESSAGES[String(value.retcode)];
  if (!messages) return [...problems, `undocumented retcode ${JSON.stringify(value.retcode)}`];
  if (!messages.includes(String(value.message))) problems.push(`retcode ${String(value.retcode)} with message ${JSON.stringify(value.message)}`);
  if (!isPlainObject(value.result) || Object.keys(value.result).length > 0) problems.push('a failure whose result is not {}');
  return problems;
}

// ---- Sip_Call (docs/sip-call.md, "Response lines") --------------------------------------------------

const SIPCALL_RETS = new Set([200, 400, 404, 600, 601, 602, 603, 604]);

function sipcallProblems(request: WireRequest, answer: Answer, text: string): string[] {
  const problems: string[] = [];
  if (answer.status !== 200) problems.push(`HTTP ${answer.status} (Sip_Call answers 200)`);
  if (contentType(answer) !== 'application/json;charset=utf-8') problems.push(`Content-Type ${contentType(answer)}`);
  if (request.method === 'HEAD') return problems;
  const parsed = parseJson(text);
  if (!parsed.ok || !isPlainObject(parsed.value)) return [...problems, `not a JSON object: ${JSON.stringify(text.slice(0, 120))}`];
  const value = parsed.value;
  if (Object.keys(value).join(',') !== 'ret,data,msg') return [...problems, `envelope keys ${Object.keys(value).join(',')}`];
  if (value.ret === 500) return [...problems, `ret 500 (an unexpected failure inside the dialect): ${String(value.msg)}`];
  if (typeof value.ret !== 'number' || !SIPCALL_RETS.has(value.ret)) problems.push(`undocumented ret ${JSON.stringify(value.ret)}`);
  if (typeof value.msg !== 'string') problems.push('msg is not a string');
  if (value.ret !== 200) {
    if (!Array.isArray(value.data) || value.data.length > 0) problems.push('a refusal whose data is not []');
    if (typeof value.msg === 'string' && value.msg === '') problems.push('a refusal without msg');
    return problems;
  }
  const data = value.data;
  if (!isPlainObject(data)) return [...problems, 'ret 200 without a data object'];
  if (data.status !== 0 && data.status !== 1) problems.push(`data.status ${JSON.stringify(data.status)}`);
  if (typeof data.desc !== 'string' || data.desc === '') problems.push('data.desc missing');
  if (typeof data.reqtime !== 'number' || typeof data.rsptime !== 'number') problems.push('reqtime/rsptime are not numbers');
  if (data.status === 1) {
    const errors = data.errors;
    if (!isPlainObject(errors) || typeof errors.code !== 'string' || !/^\d{4}$/.test(errors.code) || typeof errors.codemsg !== 'string') problems.push(`business failure without errors{code,codemsg}: ${text.slice(0, 160)}`);
  }
  return problems;
}

const CHECKERS: Readonly<Record<DialectName, (request: WireRequest, answer: Answer, text: string) => string[]>> = {
  vicidial: vicidialProblems,
  voipsun: voipsunProblems,
  ccgateway: ccgatewayProblems,
  sipcall: sipcallProblems,
};

/** Everything wrong with `answer` as the dialect's answer to `request`; empty when it is one the dialect documents. */
export function answerProblems(dialect: DialectName, request: WireRequest, answer: Answer): string[] {
  const text = answer.body.toString('utf8');
  return [...commonProblems(request, answer, text), ...CHECKERS[dialect](request, answer, text)];
}

/** A short name for the kind of answer, to show that a run reached well beyond one outcome per operation. */
export function answerKind(dialect: DialectName, answer: Answer): string {
  const text = answer.body.toString('utf8');
  switch (dialect) {
    case 'vicidial':
      return `${answer.status} ${text.replace(DEBUG_HEADER, '').split(/ - |\||\n/)[0] ?? ''}`.trim();
    case 'voipsun': {
      const match = /"errno":"(\d+)"/.exec(text);
      return match ? `errno ${match[1]}` : text.startsWith('{"success":"true"') ? 'success' : `HTTP ${answer.status}`;
    }
    case 'ccgateway': {
      const match = /"retcode":"([^"]+)"/.exec(text);
      return `${answer.status} ${match ? match[1] : ''}`.trim();
    }
    case 'sipcall': {
      const ret = /^\{"ret":(\d+)/.exec(text)?.[1];
      const code = /"code":"(\d+)"/.exec(text)?.[1];
      return `ret ${ret ?? '?'}${code ? ` ${code}` : ''}`;
    }
  }
}
