import type { Response } from 'supertest';

/** The exact bytes of VoIPSUN's answers, as the document writes them. */
export const JSON_TYPE = 'application/json; charset=utf-8';
export const SUCCESS = '{"success":"true"}';
export const E100 = '{"success":"false","errno":"100","reason":"Unauthorized user or bad permissions"}';
export const E110 = '{"success":"false","errno":"110","reason":"Unknown action"}';
export const E120 = '{"success":"false","errno":"120","reason":"Missing required parameters"}';
export const E200 =
  '{"success":"false","errno":"200","reason":"Use only one of next variables: srcExtenPublicNum, srcExtenInternalNum, srcExtenId, srcSipUsername"}';
export const E201 = '{"success":"false","errno":"201","reason":"Parameter dialPlanName missing"}';
export const E202 = '{"success":"false","errno":"202","reason":"Extension not found"}';
export const E203 = '{"success":"false","errno":"203","reason":"Dialplan not found"}';
export const E220 = '{"success":"false","errno":"220","reason":"SIP channel is unreacheable"}';
export const E221 = '{"success":"false","errno":"221","reason":"SIP channel status - Channel is down, but reservered"}';
export const E225 = '{"success":"false","errno":"225","reason":"SIP channel status - Remote end is ringing"}';
export const E226 = '{"success":"false","errno":"226","reason":"SIP channel status - Line is up"}';
export const E227 = '{"success":"false","errno":"227","reason":"SIP channel status - Line is busy"}';
export const E228 = '{"success":"false","errno":"228","reason":"SIP channel stauts - Channel is down and available"}';
export const E250 = '{"success":"false","errno":"250","reason":"Outroute not found!"}';
export const E251 = '{"success":"false","errno":"251","reason":"Context not found!"}';
export const E300 =
  '{"success":"false","errno":"300","reason":"Use only one of next variables: srcExtenPublicNum, srcExtenInternalNum, srcExtenId, srcSipUsername"}';
export const E301 =
  '{"success":"false","errno":"301","reason":"Use only one of next variables: dstExtenPublicNum, dstExtenInternalNum, dstExtenId, dstSipUsername, dstChannelName"}';
export const E302 = '{"success":"false","errno":"302","reason":"Source parameter srcDialplanName missing"}';
export const E303 = '{"success":"false","errno":"303","reason":"Source extension not found"}';
export const E304 = '{"success":"false","errno":"304","reason":"Source dialplan not found"}';
export const E310 = '{"success":"false","errno":"310","reason":"Destination parameter dstDialplanName missing"}';
export const E311 = '{"success":"false","errno":"311","reason":"Destination extension not found"}';
export const E312 = '{"success":"false","errno":"312","reason":"Destination dialplan not found"}';
export const E400 = '{"success":"false","errno":"400","reason":"Parameter channelName is empty"}';
export const E401 = '{"success":"false","errno":"401","reason":"Channel not found"}';
export const E500 = '{"success":"false","errno":"500","reason":"Agent not found, or bad authorization credentials!"}';
export const E501 =
  '{"success":"false","errno":"501","reason":"Use only one of next variables: srcExtenPublicNum, srcExtenInternalNum, srcExtenId, srcSipUsername."}';
export const E502 = '{"success":"false","errno":"502","reason":"Parameter dialPlanName missing"}';
export const E503 = '{"success":"false","errno":"503","reason":"Extension not found"}';
export const E504 = '{"success":"false","errno":"504","reason":"Dialplan not found"}';
export const E550 = '{"success":"false","errno":"550","reason":"Agent not found, or bad authorization credentials!"}';
export const E580 = '{"success":"false","errno":"580","reason":"Agent not found, or bad authorization credentials!"}';
export const E590 = '{"success":"false","errno":"590","reason":"Agent not found, or bad authorization credentials!"}';
export const E600 = (queue: string): string => `{"success":"false","errno":"600","reason":"Queue ${queue} not found!"}`;
export const E601 = '{"success":"false","errno":"601","reason":"Agent not found, or bad authorization credentials!"}';
export const E610 = (queue: string): string => `{"success":"false","errno":"610","reason":"Queue ${queue} not found!"}`;
export const E611 = '{"success":"false","errno":"611","reason":"Agent not found, or bad authorization credentials!"}';
export const E620 = '{"success":"false","errno":"620","reason":"Agent not found, or bad authorization credentials!"}';
export const E630 = '{"success":"false","errno":"630","reason":"SIP channel is unreacheable"}';
export const E631 = '{"success":"false","errno":"631","reason":"Line is unavailable\'"}';
export const E632 = '{"success":"false","errno":"632","reason":"Line is In use"}';
export const E633 = '{"success":"false","errno":"633","reason":"Line is ringing"}';
export const E634 = '{"success":"false","errno":"634","reason":"Line in On hold"}';
export const E635 = '{"success":"false","errno":"635","reason":"Line is not free"}';
export const E636 = '{"success":"false","errno":"636","reason":"Line is busy"}';
export const E900 = '{"success":"false","errno":"900","reason":"PBX unavailable"}';
export const E901 = '{"success":"false","errno":"901","reason":"PBX rejected the request"}';
export const E999 = '{"success":"false","errno":"999","reason":"Internal error"}';

export const AUTH = 'username=voipsun&password=secretpwd';
export const BASE = `/api/api.php?${AUTH}`;

/** Status 200, the JSON content type, no Express fingerprints, and exactly these bytes. */
export function expectWire(response: Response, body: string, contentType = JSON_TYPE): void {
  expect({ status: response.status, type: response.headers['content-type'], body: response.text }).toEqual({ status: 200, type: contentType, body });
  expect(response.headers['x-powered-by']).toBeUndefined();
  expect(response.headers['etag']).toBeUndefined();
}

/** The API log is written after the answer is sent: wait (bounded) until `count` entries are there. */
export async function waitForLog(holder: { apiLog: unknown[] }, count: number): Promise<void> {
  for (let attempt = 0; attempt < 200 && holder.apiLog.length < count; attempt += 1) await new Promise((resolve) => setTimeout(resolve, 10));
}
