import type { JSONSchemaType } from 'ajv';
import { inputOf, PATTERNS } from '../agent-api/input-schema';
import { defineAgentOperation } from '../agent-api/operation';
import { namesInRequest, SCREEN_RELOADS, screenAgentSession, type NamedInRequest } from '../agent-api/screen-request';
import { agentIdOf, stopWith } from '../agent-api/steps';
import { ownCheck } from '../errors';

interface RefreshPanelInput {
  value: string;
  agent_user: string;
  raw_query: string;
}

const schema: JSONSchemaType<RefreshPanelInput> = {
  type: 'object',
  properties: {
    value: { type: 'string', pattern: PATTERNS.value },
    agent_user: { type: 'string', pattern: PATTERNS.identifier },
    raw_query: { type: 'string' },
  },
  required: ['value', 'agent_user', 'raw_query'],
};

const readInput = inputOf(schema, ['value', 'agent_user', 'raw_query']);

const PANELS: readonly NamedInRequest[] = [...SCREEN_RELOADS, { name: 'callbacksreload', caseSensitive: false }];

/**
 * refresh_panel (spec §3.2): asks the agent's screen to reload panels
 * (form, script, e-mail, chat, callbacks). As in VICIdial, a panel is named
 * when its name occurs anywhere in the request, in any case. Nothing on the
 * telephone changes; the request is kept on the agent's session for the
 * screen. No alt_user step.
 */
export const refreshPanel = defineAgentOperation({
  name: 'refresh_panel',
  function: 'refresh_panel',
  auth: 'allow-list',
  input: readInput,
  async run(ctx, { value, agent_user: agentUser, raw_query: rawQuery }): Promise<string> {
    await screenAgentSession(ctx, agentUser, value);
    const list = namesInRequest(rawQuery, PANELS).join(',');
    if (list === '') throw stopWith(ownCheck('line', `ERROR: no panels have been defined - ${agentUser}`));
    const { changed } = await ctx.core.refreshAgentScreen({ agentId: agentIdOf(agentUser), items: list });
    ctx.answer.actionComment(`refresh_panel: screen of agent ${agentUser} asked to reload ${list}`);
    return `SUCCESS: refresh_panel request sent - ${ctx.request.user}|${agentUser}|${changed ? 1 : 0}|${list}|`;
  },
  render(line, ctx) {
    ctx.answer.line(line);
  },
});
