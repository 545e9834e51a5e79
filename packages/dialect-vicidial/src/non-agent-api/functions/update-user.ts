import { maySeeGroup, type Agent, type AgentChanges } from '@pbx-gateway/core';
import { bytesToText } from '../../wire/php-params';
import { viewableBy } from '../agent-report';
import { levelOf } from '../agent-level';
import { defineNonAgentFunction, refuse, type NonAgentContext } from '../operation';
import { FULL_NAME, IDENTIFIER, readWith } from '../params';
import { campaignRanks, inGroupRanks, passwordReset, type RankOutcome } from '../user-ranks';

const BLANK = '--BLANK--';
const NAME = FULL_NAME;
const CUSTOM = [
  ['custom_one', 'ONE'],
  ['custom_two', 'TWO'],
  ['custom_three', 'THREE'],
  ['custom_four', 'FOUR'],
  ['custom_five', 'FIVE'],
] as const;

const readInput = readWith((params) => ({
  agentUser: params.read('agent_user', IDENTIFIER),
  serverIp: params.read('server_ip', { keep: '.0-9' }),
  agentPass: params.read('agent_pass', IDENTIFIER),
  fullName: params.read('agent_full_name', NAME),
  level: params.read('agent_user_level', { keep: '0-9' }),
  group: params.read('agent_user_group', IDENTIFIER),
  phoneLogin: params.read('phone_login', IDENTIFIER),
  phonePass: params.read('phone_pass', IDENTIFIER),
  hotkeys: params.read('hotkeys_active', { keep: '0-9' }),
  voicemailId: params.read('voicemail_id', { keep: '0-9{L}' }),
  email: params.read('email', { keep: "- '+.:/@%_0-9{L}", plusIsSpace: true }),
  custom: CUSTOM.map(([name, word]) => ({ name, word, value: params.read(name, NAME) })),
  active: params.read('active', { keep: 'A-Z' }),
  wrapup: params.read('wrapup_seconds_override', { keep: '-0-9' }),
  deleteUser: params.read('delete_user', { keep: 'A-Z' }),
  campaignRank: {
    rank: params.read('campaign_rank', { keep: '-0-9' }),
    grade: params.read('campaign_grade', { keep: '-0-9' }),
    only: params.read('camp_rg_only', { keep: '0-9' }),
    target: params.read('campaign_id', IDENTIFIER),
  },
  inGroupRank: {
    rank: params.read('ingroup_rank', { keep: '-0-9' }),
    grade: params.read('ingroup_grade', { keep: '-0-9' }),
    only: params.read('ingrp_rg_only', { keep: '0-9' }),
    target: params.read('group_id', IDENTIFIER),
  },
  resetPassword: params.read('reset_password', { keep: '0-9' }),
}));

type UpdateUserInput = ReturnType<typeof readInput>['value'];

/** `<` or, with modify_same_user_level, `<=`: the levels the caller may change, as VICIdial echoes the comparison. */
const levelComparison = (ctx: NonAgentContext): '<' | '<=' => (ctx.apiUser.modifySameUserLevel ? '<=' : '<');

async function mayUpdate(ctx: NonAgentContext, agent: Agent): Promise<boolean> {
  const own = ctx.apiUser.level;
  const level = levelOf(agent);
  const levelAllowed = levelComparison(ctx) === '<=' ? level <= own : level < own;
  return levelAllowed && (await viewableBy(ctx))(agent);
}

/** One optional field's refusal: `ERROR: update_user <why>, THIS IS AN OPTIONAL FIELD: |<user>|<data>`. */
const invalid = (ctx: NonAgentContext, why: string, data: string) => refuse(`ERROR: update_user ${why}, THIS IS AN OPTIONAL FIELD: |${ctx.user}|${data}`);

/** A text field that `--BLANK--` empties; too short or too long is refused. */
function textChange(ctx: NonAgentContext, value: string, bounds: { min: number; max: number }, why: string): string | undefined {
  if (value === '') return undefined;
  if (value === BLANK) return '';
  if (value.length > bounds.max || value.length < bounds.min) throw invalid(ctx, why, value);
  return value;
}

/** The changes the request gives, checked in VICIdial's order; the first bad field ends the function. */
async function changesOf(ctx: NonAgentContext, input: UpdateUserInput): Promise<{ changes: AgentChanges; count: number }> {
  const attributes: Record<string, string> = {};
  const changes: AgentChanges = {};
  let count = 0;
  const setAttribute = (name: string, value: string | undefined): void => {
    if (value === undefined) return;
    attributes[name] = bytesToText(value);
    count++;
  };

  if (input.agentPass !== '') {
    changes.secret = bytesToText(input.agentPass);
    count++;
  }
  const fullName = textChange(ctx, input.fullName, { min: 1, max: 50 }, 'YOU MUST USE A VALID FULL NAME');
  if (fullName !== undefined) {
    changes.name = bytesToText(fullName);
    setAttribute('full_name', fullName);
  }
  if (input.level !== '') {
    const level = Number(input.level);
    const own = ctx.apiUser.level;
    if (level > 9 || level < 1 || level > own || (level === own && !ctx.apiUser.modifySameUserLevel)) {
      throw invalid(ctx, 'YOU MUST USE A VALID USER LEVEL', `${input.level}|${own}|${ctx.apiUser.modifySameUserLevel ? 1 : 0}`);
    }
    setAttribute('user_level', input.level);
  }
  if (input.group !== '') {
    const [target, own] = await Promise.all([ctx.core.getUserGroup(bytesToText(input.group)), ctx.core.getUserGroup(ctx.apiUser.group)]);
    const valid = target !== null && (own === null || maySeeGroup(own, target.id));
    if (input.group.length > 20 || !valid) throw invalid(ctx, 'YOU MUST USE A VALID USER GROUP', `${input.group}|${valid ? 1 : 0}`);
    setAttribute('user_group', input.group);
  }
  const phoneLogin = textChange(ctx, input.phoneLogin, { min: 1, max: 20 }, 'YOU MUST USE A VALID PHONE LOGIN');
  if (phoneLogin !== undefined) {
    changes.device = phoneLogin === '' ? null : `PJSIP/${bytesToText(phoneLogin)}`;
    count++;
  }
  // The phone's own registration password belongs to the engine's configuration, not to the agent.
  if (textChange(ctx, input.phonePass, { min: 1, max: 20 }, 'YOU MUST USE A VALID PHONE PASSWORD') !== undefined) count++;
  if (input.hotkeys !== '') {
    if (Number(input.hotkeys) > 1) throw invalid(ctx, 'YOU MUST USE A VALID HOTKEYS SETTING', input.hotkeys);
    setAttribute('hotkeys_active', input.hotkeys);
  }
  setAttribute('voicemail_id', textChange(ctx, input.voicemailId, { min: 2, max: 10 }, 'YOU MUST USE A VALID VOICEMAIL ID'));
  setAttribute('email', textChange(ctx, input.email, { min: 5, max: 100 }, 'YOU MUST USE A VALID EMAIL'));
  for (const custom of input.custom) {
    const value = textChange(ctx, custom.value, { min: 0, max: 100 }, `YOU MUST USE A VALID CUSTOM ${custom.word}`);
    setAttribute(custom.name, value);
    // custom_three is the agent's CRM id, which alt_user finds it by.
    if (custom.name === 'custom_three' && value !== undefined) changes.externalId = value === '' ? null : bytesToText(value);
  }
  if (input.active !== '') {
    if (input.active !== 'Y' && input.active !== 'N') throw invalid(ctx, 'ACTIVE MUST BE Y OR N', input.active);
    changes.active = input.active === 'Y';
    count++;
  }
  if (input.wrapup !== '') {
    const seconds = Number(input.wrapup);
    if (!Number.isFinite(seconds) || seconds < -1 || seconds > 9999) {
      throw refuse(`ERROR: update_user wrapup_seconds_override MUST BE A VALID DIGIT BETWEEN -1 AND 9999, THIS IS AN OPTIONAL FIELD: |${ctx.user}|${input.wrapup}`);
    }
    setAttribute('wrapup_seconds_override', input.wrapup);
  }
  if (Object.keys(attributes).length > 0) changes.attributes = attributes;
  return { changes, count };
}

/**
 * update_user: changes an agent's account (password, name, level, group,
 * phone, e-mail, custom fields, active), its campaign and in-group ranks and
 * grades, and answers a password reset. The caller must see the agent's
 * group and outrank it (or equal it with modify_same_user_level). The ranks'
 * NOTICE lines come first; a bad rank after a NOTICE ends the answer with
 * its ERROR line, and so does a request of ranks alone (NO UPDATES DEFINED),
 * as in VICIdial, whose account fields are a separate update.
 */
export const updateUser = defineNonAgentFunction({
  name: 'update_user',
  partial: '`reset_password` never mails a new password (the gateway sends no mail): it answers as VICIdial does when mailing fails',
  function: 'update_user',
  auth: {
    allows: (user) => user.level >= 8 && user.modifyUsers,
    denied: (user) => `ERROR: update_user USER DOES NOT HAVE PERMISSION TO UPDATE USERS: |${user}|0`,
  },
  input: readInput,
  async run(ctx, input) {
    const { agentUser } = input;
    if (agentUser.length < 2 || agentUser.length > 20) throw refuse(`ERROR: update_user YOU MUST USE ALL REQUIRED FIELDS: |${ctx.user}|${agentUser}|`);
    const agent = await ctx.core.getAgent(bytesToText(agentUser));
    // VICIdial echoes server_ip here, not the user it did not find.
    if (!agent) throw refuse(`ERROR: update_user USER DOES NOT EXIST: |${ctx.user}|${input.serverIp}`);
    if (!(await mayUpdate(ctx, agent))) {
      // The line ends with an empty one, as VICIdial's data carries a newline of its own.
      throw refuse(`ERROR: update_user USER DOES NOT HAVE PERMISSION TO UPDATE THIS USER: |${ctx.user}|${agentUser}|${levelComparison(ctx)}|${ctx.apiUser.level}\n`);
    }
    if (input.deleteUser === 'Y') {
      if (!ctx.apiUser.deleteUsers) throw refuse(`ERROR: update_user USER DOES NOT HAVE PERMISSION TO DELETE USERS: |${ctx.user}|0`);
      await ctx.core.removeAgent(agent.id);
      return 'deleted' as const;
    }
    const { changes, count } = await changesOf(ctx, input);
    const notices: string[] = [];
    // Each block's NOTICE is printed once it is done; an ERROR after one ends the answer with both.
    const ended = (outcome: RankOutcome): string[] | null => {
      if (outcome === null) return null;
      if ('notice' in outcome) {
        notices.push(outcome.notice);
        return null;
      }
      if (notices.length === 0) throw refuse(outcome.error);
      return [...notices, outcome.error];
    };
    const stop =
      ended(await campaignRanks(ctx, agent, agentUser, input.campaignRank)) ??
      ended(await inGroupRanks(ctx, agent, agentUser, input.inGroupRank)) ??
      ended(passwordReset(ctx, agent, agentUser, { length: input.resetPassword, email: input.email }));
    if (stop) return stop;
    const noUpdates = `ERROR: update_user NO UPDATES DEFINED: |${ctx.user}|`;
    if (count === 0) {
      if (notices.length === 0) throw refuse(noUpdates);
      return [...notices, noUpdates];
    }
    await ctx.core.updateAgent({ agentId: agent.id, changes });
    return [...notices, `SUCCESS: update_user USER HAS BEEN UPDATED - ${ctx.user}|${agentUser}|`];
  },
  render: (done, ctx, input) => (done === 'deleted' ? `SUCCESS: update_user USER HAS BEEN DELETED - ${ctx.user}|${input.agentUser}|` : done.join('\n')),
  errors: {
    // A logged-in agent is not deleted (gateway line): its session still has calls and a phone to end.
    AGENT_BUSY: { text: (ctx) => `ERROR: update_user USER IS LOGGED IN, NOT DELETED: |${ctx.user}|${ctx.params.read('agent_user', IDENTIFIER)}` },
  },
});
