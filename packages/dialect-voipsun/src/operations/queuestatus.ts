import type { AgentSession, CallControl, CallOf, Leg, Queue, QueueMember, QueueStatistics } from '@pbx-gateway/core';
import type { JSONSchemaType } from 'ajv';
import { VoipsunWireError } from '../errors';
import { LINE_WORDING, readLines, type LineView } from './agent-line-state';
import { defineOperation } from './operation';
import { queueNamed } from './queue-name';

type QueueStatusParams = { queueName: string };

const schema: JSONSchemaType<QueueStatusParams> = {
  type: 'object',
  properties: { queueName: { type: 'string' } },
  required: ['queueName'],
  additionalProperties: true,
};

/** One member, keys in the document's order (Asterisk's QueueMember, plus VoIPSUN's agent fields). */
interface MemberStatus {
  agentName: string;
  channelStatus: string;
  location: string;
  loggedFrom: string;
  membership: string;
  penalty: string;
  callsTaken: string;
  lastCall: string;
  isInCall: string;
  status: string;
  paused: string;
}

/** One caller waiting, keys in the document's order (Asterisk's QueueEntry). */
interface WaiterStatus {
  position: string;
  channel: string;
  uniqueid: string;
  callerIdNum: string;
  callerIdName: string;
  connectedLineNum: null;
  connectedLineName: null;
  wait: string;
}

interface QueueStatus {
  queue: Queue;
  statistics: QueueStatistics;
  members: Record<string, MemberStatus>;
  waiters: Record<string, WaiterStatus>;
}

/**
 * `queuestatus`: the queue's settings, today's figures (UTC day, from the
 * calls the queue handled), its members with their lines, and the callers
 * waiting in it (those whose agents' phones ring included, as in Asterisk),
 * longest waiting first. 120: no queue named; 600 (the document's "Queue …
 * not found!"): no such queue; 900: the engine, which knows the lines, away.
 */
export const queuestatus = defineOperation({
  name: 'queuestatus',
  action: 'queuestatus',
  auth: { permission: 'Call center' },
  input: schema,
  async run({ core, settings }, { queueName }): Promise<QueueStatus> {
    if (queueName === '') throw new VoipsunWireError('120');
    const queue = await queueNamed(core, queueName, '600');
    const lines = await readLines(core);
    const now = core.clock.now();
    const statistics = await core.queueStatistics({ queueName: queue.name, since: startOfDay(now), serviceLevelSec: settings.queueServiceLevelSec });
    return { queue, statistics, members: await membersOf(core, queue, statistics, lines, now), waiters: await waitersOf(core, queue.name, now) };
  },
  render: ({ queue, statistics, members, waiters }, { settings }) => {
    const calls = Object.keys(waiters).length;
    const { completed, completedWithinServiceLevel } = statistics;
    const body = JSON.stringify({
      success: 'true',
      results: [
        {
          queueName: queue.name,
          max: '0',
          strategy: queue.strategy,
          calls: String(calls),
          holdTime: String(statistics.holdTimeSec),
          talkTime: String(statistics.talkTimeSec),
          completed: String(completed),
          abandoned: String(statistics.abandoned),
          serviceLevel: String(settings.queueServiceLevelSec),
          serviceLevelPerf: (completed === 0 ? 0 : (completedWithinServiceLevel * 100) / completed).toFixed(1),
          weight: '0',
          members,
          waiters,
        },
      ],
    });
    // PHP's json_encode escapes slashes, as the document's `Local\/1000@…` shows.
    return body.replace(/\//g, '\\/');
  },
});

const startOfDay = (at: Date): Date => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));

/** Members keyed by agent name (the agent's number when the name is empty or taken), in the order they joined. */
async function membersOf(core: CallControl, queue: Queue, statistics: QueueStatistics, lines: LineView, now: Date): Promise<Record<string, MemberStatus>> {
  const members: Record<string, MemberStatus> = {};
  const day = now.toISOString().slice(0, 10);
  for (const member of queue.members) {
    const agent = await core.getAgent(member.agentId);
    const session = await core.getAgentSession(member.agentId);
    const name = agent?.name || member.agentId;
    const key = Object.hasOwn(members, name) ? `${name}_${member.agentId}` : name;
    members[key] = memberStatus(name, member, session, agent?.device ?? '', statistics, lines, day);
  }
  return members;
}

function memberStatus(
  agentName: string,
  member: QueueMember,
  session: AgentSession | null,
  agentDevice: string,
  statistics: QueueStatistics,
  lines: LineView,
  day: string,
): MemberStatus {
  const device = session?.device ?? agentDevice;
  const line = LINE_WORDING[device === '' ? 'unreachable' : lines.stateOf(device)];
  const lastCall = statistics.lastCallOfAgent.get(member.agentId);
  return {
    agentName,
    channelStatus: line.text,
    location: device,
    loggedFrom: session?.device ?? '',
    membership: member.membership,
    penalty: String(member.penalty),
    callsTaken: String(member.callsTodayOn === day ? member.callsToday : 0),
    lastCall: lastCall ? String(Math.floor(lastCall.getTime() / 1000)) : '0',
    isInCall: session?.state === 'in_call' ? '1' : '0',
    status: String(line.deviceState),
    paused: member.paused || session?.state === 'paused' ? '1' : '0',
  };
}

type InboundCall = CallOf<'inbound'>;

/** Callers still in the queue: waiting, or hearing music while agents' phones ring for them. Keyed by position from 1. */
async function waitersOf(core: CallControl, queueName: string, now: Date): Promise<Record<string, WaiterStatus>> {
  const waiting = (await core.listLiveCalls()).filter(
    (entry): entry is { call: InboundCall; legs: Leg[] } =>
      entry.call.purpose === 'inbound' &&
      entry.call.progress.queueName === queueName &&
      (entry.call.progress.stage === 'waiting' || entry.call.progress.stage === 'ringing_agent'),
  );
  const waiters: Record<string, WaiterStatus> = {};
  waiting.forEach(({ call, legs }, index) => {
    const caller = legs.find((leg) => leg.id === call.progress.callerLegId);
    const position = String(index + 1);
    waiters[position] = {
      position,
      channel: caller?.channelName ?? '',
      uniqueid: call.progress.callerLegId,
      callerIdNum: call.fromNumber,
      callerIdName: caller?.callerName || call.fromNumber,
      connectedLineNum: null,
      connectedLineName: null,
      wait: String(Math.max(0, Math.floor((now.getTime() - call.createdAt.getTime()) / 1000))),
    };
  });
  return waiters;
}
