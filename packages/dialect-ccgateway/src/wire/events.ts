import type { JsonObject, JsonValue } from '@pbx-gateway/core';

/** The event types this dialect emits (Huawei's names, spelled as clients match them). */
export type WireEventType =
  | 'AgentOther_InService'
  | 'AgentOther_ShutdownService'
  | 'AgentState_Ready'
  | 'AgentState_Busy'
  | 'AgentState_Work'
  | 'AgentState_SetNotReady_Success'
  | 'AgentState_CancelNotReady_Success'
  | 'AgentState_CancelWork_Success'
  | 'AgentState_SetWork_Success'
  | 'AgentState_SetRest_Success'
  | 'AgentState_CancelRest_Success'
  | 'AgentState_Rest_Timeout'
  | 'AgentEvent_Ringing'
  | 'AgentEvent_Talking'
  | 'AgentEvent_Call_Release'
  | 'AgentEvent_Customer_Alerting'
  | 'AgentEvent_Call_Out_Fail'
  | 'AgentEvent_Inside_Call_Fail'
  | 'AgentEvent_Hold'
  | 'AgentEvent_Conference'
  | 'AgentEvent_SuccTransResult'
  | 'AgentEvent_Customer_Release'
  | 'AgentOther_PhoneAlerting'
  | 'AgentOther_PhoneOffhook'
  | 'AgentOther_PhoneRelease'
  | 'AgentMediaEvent_Play'
  | 'AgentMediaEvent_Play_Succ'
  | 'AgentMediaEvent_Play_Fail'
  | 'AgentMediaEvent_StopPlayDone'
  | 'AgentMediaEvent_PausePlayDone'
  | 'AgentMediaEvent_ResumePlayDone'
  | 'AgentMediaEvent_JumpPlayDone'
  | 'AgentMediaEvent_Record'
  | 'AgentMediaEvent_Record_Fail'
  | 'AgentMediaEvent_StopRecordDone';

/** Event `content`: null, a small flat object (`{"type":"main"}`, `{"cause":0}` ...), or a bare string (`AgentEvent_Call_Out_Fail`'s call id). */
export type WireEventContent = Readonly<Record<string, string | number>> | string | null;

export interface WireEvent {
  eventType: string;
  workNo: string;
  content: WireEventContent;
  /** Epoch milliseconds when the gateway generated the event. */
  eventGenTime: number;
}

/** The mailbox row of an event. Postgres `jsonb` does not keep key order, so rendering fixes it. */
export function eventMessage(event: WireEvent): JsonObject {
  const content = event.content === null || typeof event.content === 'string' ? event.content : { ...event.content };
  return { eventType: event.eventType, workNo: event.workNo, content, eventGenTime: event.eventGenTime };
}

/** Reads back a mailbox row; null for anything this dialect did not write. */
export function eventFromMessage(message: JsonValue): WireEvent | null {
  if (!message || typeof message !== 'object' || Array.isArray(message)) return null;
  const { eventType, workNo, content, eventGenTime } = message;
  if (typeof eventType !== 'string' || typeof workNo !== 'string' || typeof eventGenTime !== 'number') return null;
  if (content === null || content === undefined) return { eventType, workNo, content: null, eventGenTime };
  if (typeof content === 'string') return { eventType, workNo, content, eventGenTime };
  if (typeof content !== 'object' || Array.isArray(content)) return null;
  const flat: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(content)) {
    if (typeof value === 'string' || typeof value === 'number') flat[name] = value;
  }
  return { eventType, workNo, content: flat, eventGenTime };
}

/** Recording start and its failure (`cec_07_1381`, `cec_07_1382`). */
const RECORDING_KEYS = ['taskId', 'caller', 'recordID', 'called', 'locationId', 'fileName', 'fileMediaType', 'callId'];

/** The key order of contents with several keys, as Huawei's examples print them (`cec_07_1366`, `cec_07_1369`; Talking as the spec lists it). */
const CONTENT_KEY_ORDER: Readonly<Record<string, readonly string[]>> = {
  AgentEvent_Ringing: ['caller', 'transfer', 'callid', 'transfrom', 'called', 'type', 'mediaAbility', 'feature'],
  AgentEvent_Talking: ['caller', 'called', 'callid', 'feature', 'type', 'mediaAbility'],
  AgentEvent_Customer_Alerting: ['callid', 'otherPhone', 'otherPhoneWorkno', 'type'],
  AgentEvent_SuccTransResult: ['result', 'callId'],
  AgentMediaEvent_Record: RECORDING_KEYS,
  AgentMediaEvent_Record_Fail: RECORDING_KEYS,
  AgentMediaEvent_StopRecordDone: ['beginTime', 'endTime', 'fileMediaType', 'recordFormat', 'taskId', 'callId'],
};

/** The content's keys in Huawei's order: the stored row may have lost it. Keys of no known order keep theirs, after the known ones. */
function orderedEntries(eventType: string, content: Readonly<Record<string, string | number>>): Array<[string, string | number]> {
  const order = CONTENT_KEY_ORDER[eventType] ?? [];
  const rank = (name: string): number => (order.includes(name) ? order.indexOf(name) : order.length);
  return Object.entries(content).sort(([a], [b]) => rank(a) - rank(b));
}

/** `{"eventType":…,"workNo":…,"content":…,"eventGenTime":…}` in Huawei's key order. */
export function renderEvent(event: WireEvent): string {
  const content =
    event.content === null
      ? 'null'
      : typeof event.content === 'string'
        ? JSON.stringify(event.content)
        : `{${orderedEntries(event.eventType, event.content)
          .map(([name, value]) => `${JSON.stringify(name)}:${JSON.stringify(value)}`)
          .join(',')}}`;
  return `{"eventType":${JSON.stringify(event.eventType)},"workNo":${JSON.stringify(event.workNo)},"content":${content},"eventGenTime":${event.eventGenTime}}`;
}
