import type { Agent, RankChange } from '@pbx-gateway/core';
import { bytesToText, utf8ToBytes } from '../wire/php-params';
import type { NonAgentContext } from './operation';

/**
 * update_user's rank and grade settings and its password reset, as
 * non_agent_api.php 2.14-194 carries them out after the account's own
 * fields were checked and before they are saved. Each block prints its
 * NOTICE line as soon as it is done; a bad value of a later block ends the
 * function with its ERROR line after the NOTICE lines already printed.
 */
export interface RankRequest {
  rank: string;
  grade: string;
  /** `1`: only the campaign (in-group) named; anything else: all of them. */
  only: string;
  target: string;
}

/** A block's outcome: its NOTICE line, or the ERROR line that ends the function. */
export type RankOutcome = { notice: string } | { error: string } | null;

const inRange = (value: string, min: number, max: number): boolean => {
  const number = Number(value);
  return Number.isInteger(number) && number >= min && number <= max;
};

const optionalFieldError = (ctx: NonAgentContext, why: string, data: string): { error: string } => ({
  error: `ERROR: update_user ${why}, THIS IS AN OPTIONAL FIELD: |${ctx.user}|${data}`,
});

/** The rank (-9–9) and grade (1–10) asked, or the ERROR line of the first one out of bounds; null when neither is given. */
function rankChangeOf(ctx: NonAgentContext, request: RankRequest, word: 'CAMPAIGN' | 'IN-GROUP'): RankChange | { error: string } | null {
  if (request.rank === '' && request.grade === '') return null;
  if (request.rank !== '' && !inRange(request.rank, -9, 9)) return optionalFieldError(ctx, `YOU MUST USE A VALID ${word} RANK`, request.rank);
  if (request.grade !== '' && !inRange(request.grade, 1, 10)) return optionalFieldError(ctx, `YOU MUST USE A VALID ${word} GRADE`, request.grade);
  return {
    ...(request.rank === '' ? {} : { rank: Number(request.rank) }),
    ...(request.grade === '' ? {} : { grade: Number(request.grade) }),
  };
}

/** `<agent_user>|<rank>|<grade>`, and `|<id>|1` when only one campaign (in-group) was set, values as given. */
const rankData = (agentUser: string, request: RankRequest): string =>
  `${agentUser}|${request.rank}|${request.grade}${request.only === '1' ? `|${request.target}|${request.only}` : ''}`;

/** campaign_rank / campaign_grade: the agent's standing in every campaign, or with camp_rg_only=1 in campaign_id alone. */
export async function campaignRanks(ctx: NonAgentContext, agent: Agent, agentUser: string, request: RankRequest): Promise<RankOutcome> {
  const change = rankChangeOf(ctx, request, 'CAMPAIGN');
  if (change === null || 'error' in change) return change;
  await ctx.core.setAgentCampaignRanks({ agentId: agent.id, change, campaignId: request.only === '1' ? bytesToText(request.target) : null });
  return { notice: `NOTICE: update_user USER CAMPAIGN RANKS/GRADES HAVE BEEN UPDATED - ${ctx.user}|${rankData(agentUser, request)}` };
}

/**
 * ingroup_rank / ingroup_grade: the agent's rank (the queue member's weight)
 * and grade in the in-groups it serves, or with ingrp_rg_only=1 in group_id
 * alone. VICIdial also keeps them for in-groups the agent does not serve
 * yet; here an in-group joined later starts with its defaults.
 */
export async function inGroupRanks(ctx: NonAgentContext, agent: Agent, agentUser: string, request: RankRequest): Promise<RankOutcome> {
  const change = rankChangeOf(ctx, request, 'IN-GROUP');
  if (change === null || 'error' in change) return change;
  await ctx.core.setAgentQueueRanks({ agentId: agent.id, change, queueName: request.only === '1' ? bytesToText(request.target) : null });
  return { notice: `NOTICE: update_user USER IN-GROUP RANKS/GRADES HAVE BEEN UPDATED - ${ctx.user}|${rankData(agentUser, request)}` };
}

// PHP's FILTER_VALIDATE_EMAIL in its common shape: a local part, an @ and a dotted domain.
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/**
 * reset_password (a length of 8 or more): VICIdial mails a new random
 * password to the agent and stores it only once the mail went out. The
 * gateway sends no mail, so the reset always ends as VICIdial's does when
 * mail() fails: the password stays as it was and the NOTICE says so (no
 * error text, as PHP keeps none when the mailer merely refuses). Without a
 * valid address (`email`, else the agent's own) the NOTICE says that first.
 */
export function passwordReset(ctx: NonAgentContext, agent: Agent, agentUser: string, input: { length: string; email: string }): RankOutcome {
  if (input.length === '' || !(Number(input.length) > 7)) return null;
  const email = input.email.length < 5 ? utf8ToBytes(agent.attributes.email ?? '') : input.email;
  if (!EMAIL.test(email)) return { notice: `NOTICE: update_user USER PASSWORD RESET FAILED: NO VALID EMAIL PROVIDED - ${ctx.user}|${agentUser}|${email}` };
  return { notice: `NOTICE: update_user USER PASSWORD RESET FAILED: EMAIL FAILURE - ${ctx.user}|${agentUser}|${email}|` };
}
