/**
 * Requests only a raw socket can send: broken percent-encoding where a URL
 * library would repair it, lying or conflicting lengths, header garbage,
 * broken chunking, and bytes that are not HTTP at all. Each names what the
 * gateway must answer: a dialect's own answer where the request reaches one,
 * otherwise a 4xx from the HTTP layer (or nothing, when the client gave up).
 */
export interface RawCase {
  name: string;
  bytes: string;
  /** The client half-closes after this long (it gave up on a body it announced). */
  endAfterMs?: number;
  /**
   * The status codes the gateway may answer, in order (one list per
   * acceptable outcome); an empty list: no answer is owed, only a closed
   * connection.
   */
  statuses: ReadonlyArray<ReadonlyArray<number | '4xx'>>;
}

const head = (lines: readonly string[]): string => `${lines.join('\r\n')}\r\n\r\n`;

export const RAW_CASES: readonly RawCase[] = [
  {
    name: 'VICIdial: broken escapes and a lone surrogate in the query',
    bytes: head(['GET /agc/api.php?source=te%ZZst&user=66%&pass=%ED%A0%80&function=version%G1&stage=%%41 HTTP/1.1', 'Host: gateway', 'Connection: close']),
    statuses: [[200]],
  },
  {
    name: 'VICIdial: version with escapes that decode to NUL and CR LF',
    bytes: head(['GET /agc/api.php?function=version&source=%00%0D%0A HTTP/1.1', 'Host: gateway', 'Connection: close']),
    statuses: [[200]],
  },
  {
    name: 'VoIPSUN: broken escapes in credentials and action',
    bytes: head(['GET /api/api.php?username=voip%sun&password=%E0%A4%A&action=list%calls HTTP/1.1', 'Host: gateway', 'Connection: close']),
    statuses: [[200]],
  },
  {
    name: 'CC-Gateway: broken escapes in the path',
    bytes: head(['GET /agentgateway/resource/agentevent/%E0%A4%A HTTP/1.1', 'Host: gateway', 'Guid: x', 'Connection: close']),
    statuses: [[200]],
  },
  {
    name: 'CC-Gateway: an escaped slash and dot-segments in the agent id of a sign-in',
    bytes: `${head(['PUT /agentgateway/resource/onlineagent/102%2F..%2F..%2F101 HTTP/1.1', 'Host: gateway', 'Content-Type: application/json', 'Content-Length: 15', 'Connection: close'])}{"password":""}`,
    statuses: [[200]],
  },
  {
    name: 'Sip_Call: a broken escape in the service name, with a form body',
    bytes: `${head(['POST /?service=App.Sip_Auth.Login%ZZ HTTP/1.1', 'Host: gateway', 'Content-Type: application/x-www-form-urlencoded', 'Content-Length: 15', 'Connection: close'])}appid=%&x=%ZZ%%`,
    statuses: [[200]],
  },
  {
    name: 'Sip_Call: a Content-Length longer than the body, then the client gives up',
    bytes: `${head(['POST / HTTP/1.1', 'Host: gateway', 'Content-Type: application/x-www-form-urlencoded', 'Content-Length: 5000'])}service=App.Sip_Auth.Login&appid=demo`,
    endAfterMs: 300,
    statuses: [[]],
  },
  {
    name: 'VoIPSUN: a Content-Length longer than the body, then the client gives up',
    bytes: `${head(['POST /api/api.php HTTP/1.1', 'Host: gateway', 'Content-Type: application/x-www-form-urlencoded', 'Content-Length: 100000'])}username=voipsun&password=x`,
    endAfterMs: 300,
    statuses: [[]],
  },
  {
    name: 'VoIPSUN: a Content-Length shorter than the body (the rest is not HTTP)',
    bytes: `${head(['POST /api/api.php?action=listcalls HTTP/1.1', 'Host: gateway', 'Content-Type: application/x-www-form-urlencoded', 'Content-Length: 8'])}username=voipsun&password=secret`,
    // Node's parser may refuse the rest before the first answer is written.
    statuses: [[200, '4xx'], ['4xx']],
  },
  {
    name: 'Content-Length and Transfer-Encoding together',
    bytes: `${head(['POST /api/api.php HTTP/1.1', 'Host: gateway', 'Content-Length: 4', 'Transfer-Encoding: chunked'])}0\r\n\r\n`,
    statuses: [['4xx']],
  },
  {
    name: 'a Content-Length that is not a number',
    bytes: `${head(['POST /agc/api.php HTTP/1.1', 'Host: gateway', 'Content-Length: 1x'])}a`,
    statuses: [['4xx']],
  },
  {
    name: 'two different Content-Lengths',
    bytes: `${head(['POST /agc/api.php HTTP/1.1', 'Host: gateway', 'Content-Length: 1', 'Content-Length: 2'])}ab`,
    statuses: [['4xx']],
  },
  {
    name: 'broken chunked encoding',
    bytes: `${head(['POST / HTTP/1.1', 'Host: gateway', 'Transfer-Encoding: chunked', 'Content-Type: application/json'])}zz\r\n{"a":1}\r\n0\r\n\r\n`,
    statuses: [['4xx']],
  },
  {
    name: 'a header line without a colon',
    bytes: head(['GET /agc/api.php?function=version HTTP/1.1', 'Host: gateway', 'this is not a header']),
    statuses: [['4xx']],
  },
  {
    name: 'a NUL in a header value',
    bytes: head(['GET /agentgateway/resource/agentevent/101 HTTP/1.1', 'Host: gateway', 'Guid: abc\u0000def']),
    statuses: [['4xx']],
  },
  {
    name: 'headers larger than the server accepts',
    bytes: head(['GET /api/api.php HTTP/1.1', 'Host: gateway', `Cookie: ${'a'.repeat(20_000)}`]),
    statuses: [['4xx']],
  },
  {
    name: 'bytes that are not HTTP',
    bytes: '\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003 not http at all\r\n\r\n',
    statuses: [['4xx']],
  },
  {
    name: 'an unknown method token',
    bytes: head(['BREW /agc/api.php?function=version HTTP/1.1', 'Host: gateway', 'Connection: close']),
    statuses: [['4xx']],
  },
  {
    name: 'HTTP/1.0 without a Host header',
    bytes: head(['GET /agc/api.php?function=version HTTP/1.0']),
    statuses: [[200]],
  },
  {
    name: 'two pipelined requests on one connection',
    bytes: `${head(['GET /agc/api.php?function=version HTTP/1.1', 'Host: gateway'])}${head(['GET /api/api.php?action=x HTTP/1.1', 'Host: gateway', 'Connection: close'])}`,
    statuses: [[200, 200]],
  },
  {
    name: 'headers that never end, then the client gives up',
    bytes: 'GET /agc/api.php?function=version HTTP/1.1\r\nHost: gateway\r\nX-Slow: 1\r\n',
    endAfterMs: 300,
    statuses: [[]],
  },
];

/** Whether the statuses seen are ones the case allows. */
export function statusesMatch(allowed: RawCase['statuses'], seen: readonly number[]): boolean {
  return allowed.some((expected) => {
    if (expected.length === 0) return seen.every((status) => status < 500);
    if (seen.length !== expected.length) return false;
    return expected.every((want, index) => (want === '4xx' ? seen[index]! >= 400 && seen[index]! < 500 : seen[index] === want));
  });
}
