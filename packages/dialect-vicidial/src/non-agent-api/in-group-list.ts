import type { Campaign } from '@pbx-gateway/core';

/**
 * The in-groups a VICIdial list of them names (` A B -`, as campaigns'
 * `closer_campaigns` and agents' selections are kept): the words between
 * spaces, the closing `-` and empty words left out.
 */
export const inGroupsOf = (list: string): string[] =>
  list
    .replace(/-$/, '')
    .split(' ')
    .filter((group) => group !== '');

/** In-groups as VICIdial keeps a list of them: ` A B -`. */
export const inGroupList = (groups: readonly string[]): string => ` ${groups.map((group) => `${group} `).join('')}-`;

/** A campaign's `closer_campaigns` setting: the in-groups it offers its agents, as VICIdial keeps the list. */
export const closerCampaignsOf = (campaign: Campaign): string => campaign.settings.closer_campaigns ?? '';

/** The in-groups a campaign offers its agents. */
export const campaignInGroups = (campaign: Campaign): string[] => inGroupsOf(closerCampaignsOf(campaign));

/** Whether a campaign hands its agents inbound calls: it allows them and is not dialled by hand alone (MANUAL). */
export const takesInbound = (campaign: Campaign): boolean => campaign.allowInbound && campaign.dialMethod !== 'MANUAL';
