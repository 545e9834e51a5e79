import { callView, cdrView, legView, type AgentSession, type CallControl, type EventLogRepository, type JsonObject } from '@pbx-gateway/core';

const RECENT_CDRS = 25;

/** What the console shows when it opens; the event stream carries it on from `lastEventId`. */
export interface ConsoleSnapshot {
  lastEventId: string;
  agents: JsonObject[];
  calls: JsonObject[];
  queues: JsonObject[];
  cdrs: JsonObject[];
}

/**
 * The snapshot's event id is read before anything else: whatever changes
 * while the rest is read comes again on the stream, and applying an event
 * twice to the console's view changes nothing.
 */
export async function consoleSnapshot(core: CallControl, eventLog: EventLogRepository): Promise<ConsoleSnapshot> {
  const lastEventId = await eventLog.lastId();
  const [sessions, calls, queues, cdrs] = await Promise.all([
    core.listAgentSessions(),
    core.listLiveCalls(),
    core.listQueues(),
    core.searchCdrs({ newestFirst: true, limit: RECENT_CDRS }),
  ]);
  const waiting = await core.listWaitingCalls(queues.map((queue) => queue.name));
  return {
    lastEventId,
    agents: await Promise.all([...sessions].sort((a, b) => a.agentId.localeCompare(b.agentId)).map((session) => agentView(core, session))),
    calls: calls.map(({ call, legs }) => ({ ...callView(call), legs: legs.map(legView) })),
    queues: queues.map((queue) => ({
      name: queue.name,
      active: queue.active,
      members: queue.members.map((member) => ({ agentId: member.agentId, penalty: member.penalty, paused: member.paused })),
      waiting: waiting
        .filter((call) => call.queueName === queue.name)
        .map((call) => ({ callId: call.callId, fromNumber: call.fromNumber, did: call.did, waitingSince: call.waitingSince.toISOString() })),
    })),
    cdrs: cdrs.map(cdrView),
  };
}

async function agentView(core: CallControl, session: AgentSession): Promise<JsonObject> {
  const agent = await core.getAgent(session.agentId);
  return {
    agentId: session.agentId,
    name: agent?.name ?? '',
    state: session.state,
    pauseReason: session.pauseReason,
    currentCallId: session.currentCallId,
    stateSince: session.stateChangedAt.toISOString(),
    phone: session.phoneNumber,
    via: session.loginVia,
    queues: (await core.queuesOfAgent(session.agentId)).sort(),
  };
}
