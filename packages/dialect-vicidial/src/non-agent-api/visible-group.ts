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
