import type { JSONSchemaType } from 'ajv';
import { serviceUnavailableLine, telephonyFailedLine, wireErrorOf, type OperationName, type WireErrorKind } from '../errors';
import { inputOf, PATTERNS } from './input-schema';
import { agentIdOf, liveSession, logUnexpected, passesAllowList, resolveAgentUser, type AgentOperation, type AgentOperationContext } from './steps';

/** What an agent command reads: the command's value and the agent it is for. */
export interface AgentCommandInput {
  value: string;
  agent_user: string;
  alt_user: string;
}

const schema: JSONSchemaType<AgentCommandInput> = {
  type: 'object',
  properties: {
    value: { type: 'string', pattern: PATTERNS.value },
    agent_user: { type: 'string', pattern: PATTERNS.identifier },
    alt_user: { type: 'string', pattern: PATTERNS.alphanumeric },
  },
  required: ['value', 'agent_user', 'alt_user'],
};

const readInput = inputOf(schema, ['value', 'agent_user', 'alt_user']);

/** The logged-in agent a command acts on. */
export interface CommandTarget {
  value: string;
  /** The agent as the wire echoes it (bytes). */
  agentUser: string;
  /** The same agent as the core knows it. */
  agentId: string;
}

/**
 * One of the Agent API functions that make the core act on a logged-in agent
 * (external_hangup, external_pause, logout). VICIdial's script runs the same
 * steps for each (spec §3); only what is listed here differs between them.
 */
export interface AgentCommand {
  name: Exclude<OperationName, 'audio_playback'>;
  /** The function's condition for `ERROR: <name> not valid - <value>|<agent_user>`, as its script writes it. */
  notValid(input: AgentCommandInput): boolean;
  /** Has the core act; resolves with the action summary `format=debug` shows. */
  carryOut(ctx: AgentOperationContext, target: CommandTarget): Promise<string>;
  /** Refusals the function words itself; each ends the script. */
  ownRefusals?: Partial<Record<WireErrorKind, (target: CommandTarget) => string>>;
  successLine(target: CommandTarget, epoch: number): string;
  /**
   * The core refuses an agent without a live session itself, in the
   * transaction that locks the session (AGENT_NOT_LOGGED_IN), before it
   * changes anything: the logged-in check then needs no read of its own.
   */
  coreChecksSession?: boolean;
}

const notLoggedInLine = (agentUser: string): string => `ERROR: agent_user is not logged in - ${agentUser}`;

/**
 * The function for a command, in VICIdial's order: validity, the API user's
 * allow-list, `alt_user`, the logged-in check, then the command itself and
 * its SUCCESS line or the refusal the core's error becomes on the wire.
 */
export function agentCommand(command: AgentCommand): AgentOperation {
  return {
    name: command.name,
    async run(ctx) {
      const input = readInput(ctx.request);
      const { value, agent_user: givenAgent, alt_user: altUser } = input;
      const { answer } = ctx;
      if (command.notValid(input)) {
        answer.line(`ERROR: ${command.name} not valid - ${value}|${givenAgent}`);
        return { agentId: givenAgent || null };
      }
      if (!passesAllowList(ctx, value)) return { agentId: givenAgent || null };
      const agentUser = await resolveAgentUser(ctx, `ERROR: no user found - ${altUser}`);
      if (agentUser === '' || (!command.coreChecksSession && !(await liveSession(ctx, agentUser)))) {
        answer.line(notLoggedInLine(agentUser));
        return { agentId: agentUser || null };
      }
      const target: CommandTarget = { value, agentUser, agentId: agentIdOf(agentUser) };
      try {
        answer.actionComment(await command.carryOut(ctx, target));
      } catch (error) {
        answerRefusal(ctx, command, target, error);
        return { agentId: target.agentId };
      }
      answer.line(command.successLine(target, ctx.epoch));
      return { agentId: target.agentId };
    },
  };
}

function answerRefusal(ctx: AgentOperationContext, command: AgentCommand, target: CommandTarget, error: unknown): void {
  const kind = wireErrorOf(error, command.name);
  const ownLine = command.ownRefusals?.[kind];
  if (ownLine) {
    ctx.answer.exitWith(ownLine(target));
    return;
  }
  switch (kind) {
    case 'agent_not_logged_in':
      // The session ended between the check and the command: answered as if it had been gone before.
      ctx.answer.line(notLoggedInLine(target.agentUser));
      return;
    case 'telephony_failed':
      logUnexpected(ctx, error);
      ctx.answer.exitWith(telephonyFailedLine(command.name, target.agentUser));
      return;
    default:
      logUnexpected(ctx, error);
      ctx.answer.exitWith(serviceUnavailableLine(command.name, target.agentUser));
  }
}
