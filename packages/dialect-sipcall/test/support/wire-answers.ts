/** The request time every answer of the HTTP tests carries: their clock stands still at it. */
export const TEST_REQTIME = 1581307099;

/** A service's refusal in the envelope: `status` 1 with the wire code and its message. */
export const refusal = (wireCode: string, codemsg: string): string =>
  `{"ret":200,"data":{"status":1,"desc":"${codemsg}","errors":{"code":"${wireCode}","codemsg":"${codemsg}"},"reqtime":${TEST_REQTIME},"rsptime":${TEST_REQTIME}},"msg":""}`;

/** A request the platform turns away before any service runs (`ret` 400). */
export const badRequest = (msg: string): string => `{"ret":400,"data":[],"msg":"Bad Request: ${msg}"}`;
