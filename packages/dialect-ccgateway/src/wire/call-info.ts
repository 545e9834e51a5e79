import type { Call } from '@pbx-gateway/core';
import { callFeature } from './call-feature';
import type { ResultFields } from './envelope';

/** Where a call keeps its call-associated data: `callappdata` of callout, or what setcalldataex wrote. */
export const CALL_APP_DATA = 'callappdata';

/** Huawei's media type of an ordinary voice call (`cec_07_0520`: 5 common voice or video call). */
const VOICE_CALL_MEDIA_TYPE = 5;
/** Huawei's media ability of a voice call (1 voice), as the call events carry it. */
const VOICE_MEDIA_ABILITY = 1;

/** The call-associated data a call carries, `""` when none was given. */
export function callAppData(call: Call): string {
  const data = call.data[CALL_APP_DATA];
  return typeof data === 'string' ? data : '';
}

/** When the agent took the call: a skill call when the caller reached the agent, any other when it was answered. */
function agentAnsweredAt(call: Call): Date | null {
  if (call.purpose === 'inbound') return call.progress.connectedAt ? new Date(call.progress.connectedAt) : null;
  return call.answeredAt;
}

const wholeSeconds = (from: Date, to: Date): number => Math.max(0, Math.floor((to.getTime() - from.getTime()) / 1000));

/** Huawei's numeric skill id of a core queue: its name when that is a number, else 0. */
export const skillNumber = (queueName: string): number => (/^\d{1,9}$/.test(queueName) ? Number(queueName) : 0);

/** The skill a call came in on: the core's queue, whose name is Huawei's skill id. */
function skillOf(call: Call): { name: string; id: number } {
  const queue = call.purpose === 'inbound' ? call.progress.queueName : null;
  return queue === null ? { name: '', id: 0 } : { name: queue, id: skillNumber(queue) };
}

/**
 * `result` of the call-information queries (Huawei `cec_07_0419` /
 * `cec_07_1261` callinfo, `cec_07_1266` callinfobycallid, `cec_07_1265`
 * callinfobeforeanswer), in Huawei's table order. What the gateway keeps:
 * the call id, numbers, skill (the queue), call data, the agent's answer and
 * the end in epoch milliseconds, the seconds since the call arrived
 * (`logontimes`); what it does not keep answers Huawei's empty value (no
 * priorities or trunk numbers here: 0; the original called number: the
 * number called). `waiting` adds `waitTime` (seconds the call waited for the
 * agent) and `trace` (reserved, empty) of the per-call queries.
 */
export function callInfoFields(call: Call, now: Date, options: { waiting: boolean; originalCalled: boolean }): ResultFields {
  const answeredAt = agentAnsweredAt(call);
  const end = call.endedAt ?? now;
  const skill = skillOf(call);
  const fields: Array<readonly [string, string | number | null]> = [
    ['callfeature', callFeature(call)],
    ['callid', call.id],
    ['caller', call.fromNumber],
    ['called', call.toNumber],
    ['callskill', skill.name],
    ['callskillid', skill.id],
    ['orgicallednum', options.originalCalled ? call.toNumber : ''],
    ['calldata', callAppData(call)],
    ['begintime', answeredAt?.getTime() ?? 0],
    ['endtime', call.endedAt?.getTime() ?? 0],
    ['userPriority', 0],
    ['trunkNo', 0],
    ['logontimes', wholeSeconds(call.createdAt, end)],
    ['mediaType', VOICE_CALL_MEDIA_TYPE],
    ['mediaAbility', VOICE_MEDIA_ABILITY],
  ];
  if (options.waiting) fields.push(['waitTime', wholeSeconds(call.createdAt, answeredAt ?? end)], ['trace', null]);
  return fields;
}
