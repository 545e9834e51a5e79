import { startTestGateway, type ReceivedCallback, type TestGateway } from '@pbx-gateway/test-support';
import { localTimeFormatter } from '../../src/wire/time';
import { seedPlayVoiceFields } from './seed-play-voice';

export const STATUS_KEYS = ['buuid', 'callee', 'caller', 'companycode', 'direction', 'disnumber', 'extnumber', 'isbleg', 'method', 'starttime', 'status', 'uuid', 'ip', 'customuuid', 'type'];

export const CDR_KEYS = [
  'answertime',
  'hangupcause',
  'duration',
  'id',
  'extnumber',
  'uuid',
  'downloadip',
  'customuuid',
  'chengshudu',
  'callmethod',
  'recordfilename',
  'companycode',
  'memberid',
  'hangupdirection',
  'billsec',
  'endtime',
  'starttime',
  'type',
  'disnumber',
  'crmid',
  'userkey',
  'destnumber',
];

/** Keys whose values the seed's CDR example gives as numbers; every other one is a string. */
export const CDR_NUMBER_KEYS = new Set(['hangupcause', 'duration', 'id', 'callmethod', 'companycode', 'hangupdirection', 'billsec']);

/**
 * Beijing wall-clock time by the dialect's own formatter: the format is pinned
 * to fixed values in wire.test.ts, so these tests check which instants and
 * which zone the callbacks carry.
 */
export const beijingTime = localTimeFormatter('Asia/Shanghai');

export async function login(gw: TestGateway): Promise<string> {
  const response = await gw.http.post('/').field('service', 'App.Sip_Auth.Login').field('appid', 'demoappid').field('accesskey', 'demoaccesskey');
  const body = JSON.parse(response.text) as { data: { result: { token: string } } };
  return body.data.result.token;
}

/** Sends one Sip_Call request, multipart to `/` as the PHP client does, with the client's token. */
export type SipcallSend = (fields: Record<string, string>) => ReturnType<TestGateway['http']['post']>;

/**
 * A whole gateway on which the phones named ring and answer after 300 ms, as
 * does every other number over the trunk, with the demo client logged in.
 */
export async function startAnsweringGateway(phones: readonly string[]): Promise<{ gw: TestGateway; token: string; send: SipcallSend }> {
  const gw = await startTestGateway({});
  for (const phone of phones) await gw.farEnd.setPhone(phone, { outcome: 'answer', ringMs: 300 });
  await gw.farEnd.setOtherNumbers({ outcome: 'answer', ringMs: 300 });
  const token = await login(gw);
  const send: SipcallSend = (fields) => {
    let test = gw.http.post('/');
    for (const [name, value] of Object.entries({ token, ...fields })) test = test.field(name, value);
    return test;
  };
  return { gw, token, send };
}

/** The seed's PHP `$postFields` with a real token, sent as the PHP client sends them: multipart to `/`. */
export async function playVoice(gw: TestGateway, token: string, overrides: Record<string, string> = {}) {
  const fields: Record<string, string> = { ...seedPlayVoiceFields(token), ...overrides };
  let test = gw.http.post('/');
  for (const [name, value] of Object.entries(fields)) test = test.field(name, value);
  return test;
}

export interface CallRow {
  id: string;
  stage: string;
  created_at: Date;
}

/** The call a PlayVoice with this `customuuid` started. */
export function callOf(gw: TestGateway, customuuid: string): Promise<CallRow> {
  return gw.waitFor(
    async () => (await gw.query<CallRow>("SELECT id, stage, created_at FROM calls WHERE data->>'customuuid' = $1", [customuuid]))[0],
    5000,
    `call of ${customuuid}`,
  );
}

export function waitForStage(gw: TestGateway, callId: string, stages: readonly string[]): Promise<CallRow> {
  return gw.waitFor(
    async () => (await gw.query<CallRow>('SELECT id, stage, created_at FROM calls WHERE id = $1 AND stage = ANY($2)', [callId, stages]))[0],
    5000,
    `call ${callId} in ${stages.join('/')}`,
  );
}

export const callbacksOf = (gw: TestGateway, callId: string): ReceivedCallback[] =>
  gw.callbacks.received().filter((callback) => (callback.body as { uuid?: unknown }).uuid === callId);

export const statusCallbacksOf = (gw: TestGateway, callId: string): Array<Record<string, string>> =>
  callbacksOf(gw, callId)
    .filter((callback) => 'status' in (callback.body as object))
    .map((callback) => callback.body as Record<string, string>);

export function cdrCallbackOf(gw: TestGateway, callId: string, timeoutMs = 8000): Promise<ReceivedCallback> {
  return gw.waitFor(() => callbacksOf(gw, callId).find((callback) => 'billsec' in (callback.body as object)), timeoutMs, `CDR callback of ${callId}`);
}

export interface CdrRow {
  id: string;
  started_at: Date;
  answered_at: Date | null;
  ended_at: Date;
  extension: string | null;
  hangup_cause: number;
  hangup_side: string;
}

export const cdrRowsOf = (gw: TestGateway, callId: string): Promise<CdrRow[]> => gw.query<CdrRow>('SELECT * FROM cdrs WHERE call_id = $1', [callId]);

const seconds = (at: Date): number => Math.floor(at.getTime() / 1000);

/**
 * The CDR callback every call must produce from its row: keys, order, types,
 * and the values derived from the row. The echoed and dialled fields are the
 * seed's PlayVoice's unless `expected` names others.
 */
export function expectCdrMatchesRow(callback: ReceivedCallback, row: CdrRow, expected: Record<string, string | number>): void {
  const body = callback.body as Record<string, unknown>;
  expect(Object.keys(body)).toEqual(CDR_KEYS);
  for (const key of CDR_KEYS) expect(typeof body[key]).toBe(CDR_NUMBER_KEYS.has(key) ? 'number' : 'string');
  const start = seconds(row.started_at);
  const end = seconds(row.ended_at);
  const answer = row.answered_at ? seconds(row.answered_at) : null;
  expect(body).toEqual({
    answertime: row.answered_at ? beijingTime(row.answered_at) : '',
    hangupcause: expected.hangupcause,
    duration: (answer ?? end) - start,
    id: Number(row.id),
    extnumber: row.extension ?? '',
    uuid: body.uuid,
    downloadip: '127.0.0.1',
    customuuid: expected.customuuid,
    chengshudu: expected.chengshudu ?? '1',
    callmethod: 6,
    recordfilename: '',
    companycode: 2028,
    memberid: '0',
    hangupdirection: expected.hangupdirection,
    billsec: answer === null ? 0 : end - answer,
    endtime: beijingTime(row.ended_at),
    starttime: beijingTime(row.started_at),
    type: 'callout',
    disnumber: expected.disnumber ?? '13333333333',
    crmid: '0',
    userkey: expected.userkey,
    destnumber: expected.destnumber ?? '13333333333',
  });
  expect(callback.headers['content-type']).toBe('application/json');
  expect(callback.headers['idempotency-key']).toMatch(/^[0-9]+$/);
}
