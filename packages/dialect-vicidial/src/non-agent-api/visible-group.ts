import { maySeeGroup } from '@pbx-gateway/core';
import type { NonAgentContext } from './operation';

/**
 * Whether a user group exists for the caller: VICIdial looks the group up
 * among those the caller's own group may view (admin_viewable_groups), so an
 * unseen group "does not exist".
 */
export async function groupVisibleTo(ctx: NonAgentContext, groupId: string): Promise<boolean> {
  const [target, own] = await Promise.all([ctx.core.getUserGroup(groupId), ctx.core.getUserGroup(ctx.apiUser.group)]);
  return target !== null && (own === null || maySeeGroup(own, target.id));
}

/** The owner group of a provisioned object that every group may use. */
const ALL_GROUPS = '---ALL---';

/**
 * Which provisioned objects (call menus, voicemail boxes, settings
 * containers) VICIdial lists to the caller: those owned by a group the
 * caller's group may view, and those of every group. A caller without a
 * group sees them all.
 */
export async function ownedObjectsFilter(ctx: NonAgentContext): Promise<(ownerGroup: string) => boolean> {
  const own = await ctx.core.getUserGroup(ctx.apiUser.group);
  return (ownerGroup) => own === null || ownerGroup === ALL_GROUPS || maySeeGroup(own, ownerGroup);
}
