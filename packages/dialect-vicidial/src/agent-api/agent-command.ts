import type { JSONSchemaType } from 'ajv';
import type { ErrorOverrides } from '@pbx-gateway/dialect-kit';
import { agentNotLoggedIn, ownCheck, type Refusal } from '../errors';
import { inputOf, PATTERNS } from './input-schema';
import { defineAgentOperation, type AgentOperation } from './operation';
import { agentIdOf, checkAllowList, liveSession, resolveAgentUser, stopWith, type AgentOperationContext } from './steps';

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

/** Reads `value`, `agent_user` and `alt_user`, the fields of every command for one agent. */
export const readAgentCommandInput = inputOf(schema, ['value', 'agent_user', 'alt_user']);

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
  name: string;
  /** The function's condition for `ERROR: <name> not valid - <value>|<agent_user>`, as its script writes it. */
  notValid(input: AgentCommandInput): boolean;
  /**
   * Has the core act; resolves with the action summary `format=debug` shows,
   * or, for a function that prints what it found (webphone_url), with that
   * summary and the answer printed instead of the SUCCESS line, as it is,
   * or, for one whose SUCCESS line echoes what it found (transfer_conference),
   * with the summary and that line.
   */
  carryOut(ctx: AgentOperationContext, target: CommandTarget): Promise<string | { comment: string; answer: string } | { comment: string; line: string }>;
  /** Refusals the function words itself; each ends the script. */
  errors?: ErrorOverrides<Refusal>;
  /** The SUCCESS line; a function whose carryOut gives its answer has none. */
  successLine?(target: CommandTarget, epoch: number): string;
  /**
   * The core refuses an agent without a live session itself, in the
   * transaction that locks the session (AGENT_NOT_LOGGED_IN), before it
   * changes anything: the logged-in check then needs no read of its own.
   */
  coreChecksSession?: boolean;
  /** What of the documented function is not carried out (the compatibility matrix). */
  partial?: string;
}

/**
 * The function for a command, in VICIdial's order: validity, the API user's
 * allow-list, `alt_user`, the logged-in check, then the command itself and
 * its SUCCESS line, or the refusal the core's error becomes on the wire.
 */
export function agentCommand(command: AgentCommand): AgentOperation {
  return defineAgentOperation({
    name: command.name,
    function: command.name,
    ...(command.partial === undefined ? {} : { partial: command.partial }),
    auth: 'allow-list',
    input: readAgentCommandInput,
    async run(ctx, input): Promise<{ target: CommandTarget; answer: string | null; line: string | null }> {
      const { value, agent_user: givenAgent, alt_user: altUser } = input;
      if (command.notValid(input)) throw stopWith(ownCheck('line', `ERROR: ${command.name} not valid - ${value}|${givenAgent}`));
      checkAllowList(ctx, value);
      const agentUser = await resolveAgentUser(ctx, `ERROR: no user found - ${altUser}`);
      const loggedIn = agentUser !== '' && (command.coreChecksSession === true || (await liveSession(ctx, agentUser)) !== null);
      ctx.target = { agentUser };
      if (!loggedIn) throw stopWith(agentNotLoggedIn);
      const target: CommandTarget = { value, agentUser, agentId: agentIdOf(agentUser) };
      const done = await command.carryOut(ctx, target);
      ctx.answer.actionComment(typeof done === 'string' ? done : done.comment);
      if (typeof done === 'string') return { target, answer: null, line: null };
      return 'line' in done ? { target, answer: null, line: done.line } : { target, answer: done.answer, line: null };
    },
    render({ target, answer, line }, ctx) {
      if (answer !== null) ctx.answer.print(answer);
      else if (line !== null) ctx.answer.line(line);
      else if (command.successLine) ctx.answer.line(command.successLine(target, ctx.epoch));
      else throw new Error(`${command.name} gave neither an answer nor a SUCCESS line`);
    },
    errors: command.errors,
  });
}
