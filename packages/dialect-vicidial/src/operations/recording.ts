import type { JSONSchemaType } from 'ajv';
import { localDateTime } from '@pbx-gateway/dialect-kit';
import type { AgentSession } from '@pbx-gateway/core';
import { inputOf, PATTERNS } from '../agent-api/input-schema';
import { defineAgentOperation } from '../agent-api/operation';
import { agentIdOf, checkAllowList, liveSession, resolveAgentUser, stopWith } from '../agent-api/steps';
import { agentNotLoggedIn, echoedAgent, ownCheck, type Refusal } from '../errors';
import { vicidialStatusOf } from '../wire/agent-status';
import { bytesToText, utf8ToBytes } from '../wire/php-params';

interface RecordingInput {
  value: string;
  stage: string;
  agent_user: string;
  alt_user: string;
}

const schema: JSONSchemaType<RecordingInput> = {
  type: 'object',
  properties: {
    value: { type: 'string', pattern: PATTERNS.value },
    stage: { type: 'string', pattern: PATTERNS.stage },
    agent_user: { type: 'string', pattern: PATTERNS.identifier },
    alt_user: { type: 'string', pattern: PATTERNS.alphanumeric },
  },
  required: ['value', 'stage', 'agent_user', 'alt_user'],
};

const readInput = inputOf(schema, ['value', 'stage', 'agent_user', 'alt_user']);

/** The one value that asks for the status: VICIdial compares it whole. */
const STATUS = 'STATUS';

/** VICIdial keeps the first 14 bytes of `stage` and adds them to START. */
const MAX_STAGE = 14;

/** `<ip>|<conf>|<st>`: where the session runs, its conference and its status, as every line ends. */
const sessionFields = (session: AgentSession): string =>
  `${utf8ToBytes(session.serverIp)}|${utf8ToBytes(session.conference?.number ?? '')}|${vicidialStatusOf(session)}`;

const noSessionData: Refusal = {
  kind: 'no_session_data',
  end: 'line',
  text: (ctx) => `ERROR: recording error - no session data - ${echoedAgent(ctx)}`,
};

/**
 * recording (seed 002, spec §3.2): START records the agent's conference
 * (several recordings may run at once; `stage` names the file), STOP ends
 * them all, STATUS shows the newest one running. Exactly STATUS is a
 * status request, else a value containing STOP a stop, else one containing
 * START a start; any other (STATUS within a longer value) is answered as
 * sent, with nothing to carry out, as VICIdial's agent screen has none.
 */
export const recording = defineAgentOperation({
  name: 'recording',
  function: 'recording',
  auth: 'allow-list',
  input: readInput,
  async run(ctx, input): Promise<void> {
    const { value, stage, agent_user: givenAgent, alt_user: altUser } = input;
    const { answer, core } = ctx;
    if (!/START|STOP|STATUS/.test(value) || (givenAgent.length < 1 && altUser.length < 2)) {
      throw stopWith(ownCheck('line', `ERROR: recording not valid - ${value}|${givenAgent}`));
    }
    checkAllowList(ctx, value);
    const agentUser = await resolveAgentUser(ctx, `ERROR: no user found - ${altUser}`);
    const session = await liveSession(ctx, agentUser);
    ctx.target = { agentUser };
    if (!session) throw stopWith(agentNotLoggedIn);
    const agentId = agentIdOf(agentUser);

    if (value === STATUS) {
      const live = await core.liveAgentRecordings(agentId);
      const newest = live[live.length - 1];
      if (!newest) {
        answer.line(`NOTICE: not recording - ${agentUser}|||||${sessionFields(session)}`);
        return;
      }
      const startedAt = localDateTime(newest.startedAt ?? newest.createdAt, ctx.settings.timeZone);
      answer.line(
        `NOTICE: recording active - ${agentUser}|${utf8ToBytes(newest.id)}|${utf8ToBytes(newest.name)}|${utf8ToBytes(session.serverIp)}|${startedAt}|${sessionFields(session)}`,
      );
      return;
    }
    // VICIdial adds the stage to any value with START, a stop's too.
    const label = value.includes('START') ? stage.slice(0, MAX_STAGE) : '';
    if (value.includes('STOP')) {
      const { stopped, session: current } = await core.stopAgentRecordings({ agentId });
      if (stopped.length === 0) throw stopWith(ownCheck('exit', `ERROR: stop recording error - ${agentUser}|||||${sessionFields(current)}`));
      answer.actionComment(`recording: ${stopped.length} recording(s) of conference ${current.conference?.number ?? ''} stopped`);
      answer.line(`SUCCESS: recording function sent - ${agentUser}|${value}${label}||||${sessionFields(current)}`);
      return;
    }
    if (!value.includes('START')) {
      // STATUS within a longer value is no status request: VICIdial passes it to the agent screen, which has nothing to do with it.
      answer.line(`SUCCESS: recording function sent - ${agentUser}|${value}||||${sessionFields(session)}`);
      return;
    }
    const { recording: started, session: current } = await core.startAgentRecording({ agentId, label: label === '' ? null : bytesToText(label) });
    answer.actionComment(`recording: ${started.name} of conference ${current.conference?.number ?? ''} started`);
    answer.line(`SUCCESS: recording function sent - ${agentUser}|${value}${label}||||${sessionFields(current)}`);
  },
  render: () => undefined,
  errors: {
    SESSION_HAS_NO_CONFERENCE: noSessionData,
  },
});
