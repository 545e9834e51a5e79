import type { AgentSession } from '@pbx-gateway/core';
import { agentCommand } from '../agent-api/agent-command';
import { stopWith } from '../agent-api/steps';
import { echoedAgent, type Refusal } from '../errors';
import { bytesToText, utf8ToBytes } from '../wire/php-params';

const noSessionData: Refusal = { kind: 'own_check', end: 'line', text: (ctx) => `ERROR: webphone_url error - no session data - ${echoedAgent(ctx)}` };
const urlIsEmpty: Refusal = { kind: 'own_check', end: 'line', text: (ctx) => `ERROR: webphone_url error - webphone url is empty - ${echoedAgent(ctx)}` };

/** The agent's web phone from the configured template; VICIdial calls a URL of five characters or fewer empty. */
function webphoneUrl(template: string, session: AgentSession): string {
  const fields: Record<string, string> = {
    agent: session.agentId,
    // The phone's own login, without the technology of its device (PJSIP/1000 → 1000).
    phone: session.phoneNumber || session.device.replace(/^[A-Za-z]+\//, ''),
    conference: session.conference?.number ?? '',
    server_ip: session.serverIp,
  };
  return template.replace(/\{(agent|phone|conference|server_ip)\}/g, (_match, name: string) => encodeURIComponent(fields[name] ?? ''));
}

/** LAUNCH: the page VICIdial sends to open the web phone in the browser that asked. */
const launchPage = (url: string): string =>
  `<META HTTP-EQUIV=Refresh CONTENT="0; URL=${url}">\n</HEAD>\n` +
  '<BODY BGCOLOR=#FFFFFF marginheight=0 marginwidth=0 leftmargin=0 topmargin=0>\n' +
  `<a href="${url}">click here to continue. . .</a>\n</BODY>\n`;

/**
 * webphone_url (seed 002, spec §3.2): the agent's web phone address, shown
 * (DISPLAY, without a newline) or opened (LAUNCH). The gateway has no web
 * phone of its own: the address comes from the `webphoneUrl` setting.
 */
export const webphoneUrlFunction = agentCommand({
  name: 'webphone_url',
  notValid: ({ value, agent_user: givenAgent, alt_user: altUser }) => (value !== 'DISPLAY' && value !== 'LAUNCH') || (givenAgent.length < 1 && altUser.length < 2),
  async carryOut(ctx, { value, agentId, agentUser }) {
    const session = await ctx.core.getAgentSession(agentId);
    if (!session?.conference) throw stopWith(noSessionData);
    const url = utf8ToBytes(webphoneUrl(ctx.settings.webphoneUrl, session));
    if (url.length <= 5) throw stopWith(urlIsEmpty);
    return { comment: `webphone_url: ${value} for agent ${bytesToText(agentUser)}`, answer: value === 'DISPLAY' ? url : launchPage(url) };
  },
});
