import { dialsManually, type Agent, type AgentSession, type Campaign } from '@pbx-gateway/core';
import { bytesToText, utf8ToBytes } from '../../wire/php-params';
import { viewableBy } from '../agent-report';
import { closerCampaignsOf, inGroupList, takesInbound } from '../in-group-list';
import { defineNonAgentFunction, refuse, type NonAgentContext } from '../operation';
import { IDENTIFIER, readWith } from '../params';

const readInput = readWith((params) => ({
  agentUser: params.read('agent_user', IDENTIFIER),
  stage: params.read('stage', { keep: '0-9{L}' }),
}));

/** What VICIdial keeps of a logged-in agent's in-groups, as it prints it. */
interface InGroupInfo {
  agentUser: string;
  agent: Agent;
  session: AgentSession;
  campaign: Campaign | null;
  /** The agent's in-groups, ` A B -`. */
  selected: string;
  /** The campaign's in-groups as kept (` A B -`), or empty when the campaign takes no inbound calls. */
  offered: string;
  /** The in-groups there are (a queue keeps no display name: its name is printed as its name). */
  known: ReadonlySet<string>;
  /** Whether the caller may change agents' in-groups (`change_agent_campaign`) and make them defaults (`modify_users`). */
  mayChange: boolean;
  mayMakeDefault: boolean;
}

// The gateway has no manager override of an agent's in-groups (VICIdial's
// `manager_ingroup_set`, set by another screen) and no on-hook agents.
const MANAGER_OVERRIDE = 'N';
const MANAGER = '';

async function infoOf(ctx: NonAgentContext, agentUser: string): Promise<InGroupInfo> {
  const invalid = refuse(`ERROR: agent_ingroup_info INVALID USER ID - ${agentUser}|${ctx.user}`);
  const agent = agentUser === '' ? null : await ctx.core.getAgent(bytesToText(agentUser));
  if (!agent || !(await viewableBy(ctx))(agent)) throw invalid;
  const session = await ctx.core.getAgentSession(agent.id);
  if (!session) throw invalid;
  const [campaign, queues, all] = await Promise.all([
    session.campaignId === null ? null : ctx.core.getCampaign(session.campaignId),
    ctx.core.queuesOfAgent(agent.id),
    ctx.core.listQueues(),
  ]);
  return {
    agentUser,
    agent,
    session,
    campaign,
    selected: inGroupList(queues.map(utf8ToBytes)),
    offered: campaign && takesInbound(campaign) ? utf8ToBytes(closerCampaignsOf(campaign)) : '',
    known: new Set(all.map((queue) => utf8ToBytes(queue.name))),
    mayChange: ctx.apiUser.changeAgentCampaign,
    mayMakeDefault: ctx.apiUser.modifyUsers,
  };
}

/**
 * The offered in-groups, each with whether the agent takes its calls, as
 * VICIdial walks the list: split on spaces after the closing `-` is taken
 * off, one-character words skipped, and the first word never marked (it is
 * the empty word before the list's leading space).
 */
function offeredGroups(info: InGroupInfo): Array<{ group: string; name: string; selected: boolean }> {
  const selected = info.selected.replace(/-$/, '').split(' ');
  return info.offered
    .replace(/-$/, '')
    .split(' ')
    .map((group, index) => ({
      group,
      name: info.known.has(group) ? group : '',
      selected: index > 0 && selected.some((taken) => taken.length > 1 && taken === group),
    }))
    .filter(({ group }) => group.length > 1);
}

const blendedOf = (session: AgentSession): string => (session.blended ? 'Y' : 'N');

function textAnswer(info: InGroupInfo, stage: string): string {
  return [
    `SUCCESS:  - ${info.agentUser}|${stage}`,
    `SELECTED INGROUPS: ${info.selected}`,
    `OUTBOUND AUTODIAL: ${blendedOf(info.session)}`,
    `MANAGER OVERRIDE: ${MANAGER_OVERRIDE}`,
    `MANAGER: ${MANAGER}`,
    '',
  ].join('\n');
}

/** The form that changes the agent's in-groups (stage `change`, for a caller who may change them). */
function changeForm(info: InGroupInfo): string[] {
  const groups = offeredGroups(info);
  // A campaign that dials nothing itself leaves the agent nothing to blend with.
  const autodial = info.campaign !== null && !dialsManually(info.campaign);
  const blended = autodial ? blendedOf(info.session) : 'N';
  const selected = (yes: boolean) => (yes ? ' SELECTED' : '');
  return [
    '<TABLE CELLPADDING=0 CELLSPACING=3 BORDER=0>',
    '<TR><TD ALIGN=RIGHT VALIGN=TOP>Selected In-Groups: </TD><TD ALIGN=LEFT>',
    `<INPUT TYPE=HIDDEN NAME=agent_user ID=agent_user value="${info.agentUser}">`,
    '<SELECT SIZE=10 NAME=ingroup_new_selections ID=ingroup_new_selections multiple>',
    ...groups.map(({ group, name, selected: taken }) => `<option value="${group}"${selected(taken)}>${group} - ${name}</option>`),
    ...(groups.length === 0 ? ['<option value="">No In-Groups Allowed</option>'] : []),
    '</SELECT><BR></TD></TR>',
    '<TR><TD ALIGN=RIGHT>Change, Add, Remove:',
    '</TD><TD ALIGN=LEFT>',
    '<SELECT SIZE=1 NAME=ingroup_add_remove_change ID=ingroup_add_remove_change>',
    '<option value="CHANGE">CHANGE - Set in-groups to those selected above</option>',
    '<option value="ADD">ADD - Add in-groups selected above to agent selected</option>',
    '<option value="REMOVE">REMOVE - Remove in-groups selected above from agent selected</option>',
    '</SELECT>',
    '</TD></TR>',
    '<TR><TD ALIGN=RIGHT>Blended Outbound Autodial:',
    '</TD><TD ALIGN=LEFT>',
    `<SELECT SIZE=1 NAME=blended ID=blended${autodial ? '' : ' DISABLED'}>`,
    `<option value="YES"${selected(blended === 'Y')}>Yes</option>`,
    `<option value="NO"${selected(blended === 'N')}>No</option>`,
    '</SELECT>',
    '</TD></TR>',
    '<TR><TD ALIGN=RIGHT>Set As User Default:',
    '</TD><TD ALIGN=LEFT>',
    `<SELECT SIZE=1 NAME=set_as_default ID=set_as_default${info.mayMakeDefault ? '' : ' DISABLED'}>`,
    '<option value="YES">Yes</option>',
    '<option value="NO" SELECTED>No</option>',
    '</SELECT>',
    '</TD></TR>',
    '<TR><TD ALIGN=CENTER COLSPAN=2>',
    `<INPUT TYPE=BUTTON NAME=SUBMIT ID=SUBMIT VALUE="Submit Changes" onclick="submit_ingroup_changes('${info.agentUser}')">`,
    '</TD></TR>',
    '</TABLE>',
  ];
}

/** The in-groups shown only, those the agent takes marked `*`. */
function infoTable(info: InGroupInfo): string[] {
  const groups = offeredGroups(info);
  return [
    '<TABLE CELLPADDING=0 CELLSPACING=3 BORDER=0>',
    ...groups.map(({ group, name, selected }) => `<TR><TD>${group}${selected ? ' *' : ''}</TD><TD>${name}</TD></TR>`),
    ...(groups.length === 0 ? ['<TR><TD>No In-Groups Allowed</TD></TR>'] : []),
    '</TABLE><BR>',
    `SELECTED INGROUPS: ${info.selected}<BR>`,
    `OUTBOUND AUTODIAL: ${blendedOf(info.session)}<BR>`,
    `MANAGER OVERRIDE: ${MANAGER_OVERRIDE}<BR>`,
    `MANAGER: ${MANAGER}<BR>`,
    '',
  ];
}

function htmlAnswer(info: InGroupInfo, stage: string): string {
  return [
    '<TABLE WIDTH=680 CELLPADDING=0 CELLSPACING=5 BGCOLOR="#D9E6FE"><TR><TD ALIGN=LEFT>',
    `Agent: ${info.agentUser} - ${utf8ToBytes(info.agent.name)} </TD><TD>`,
    ` &nbsp; Campaign: ${utf8ToBytes(info.session.campaignId ?? '')}</TD><TD>`,
    '<a href="#" onclick="hide_ingroup_info();">Close</a></TD></TR><TR><TD COLSPAN=3 BGCOLOR="#CCCCFF">',
    ...(info.mayChange && stage === 'change' ? changeForm(info) : infoTable(info)),
    '</TD></TR></TABLE>',
  ].join('\n');
}

/**
 * agent_ingroup_info: a logged-in agent's in-groups (the queues it takes
 * calls from) among those its campaign offers, and whether it blends
 * outbound calls: `stage=text` as lines, otherwise as VICIdial's HTML panel
 * (`change`: the form that changes them, for a caller who may).
 */
export const agentIngroupInfo = defineNonAgentFunction({
  name: 'agent_ingroup_info',
  function: 'agent_ingroup_info',
  auth: {
    allows: (user) => user.level > 6,
    denied: (user) => `ERROR: agent_ingroup_info USER DOES NOT HAVE PERMISSION TO GET AGENT INFO: |${user}|0|`,
  },
  input: readInput,
  run: (ctx, input) => infoOf(ctx, input.agentUser),
  render: (info, _ctx, input) => (input.stage === 'text' ? textAnswer(info, input.stage) : htmlAnswer(info, input.stage)),
});
