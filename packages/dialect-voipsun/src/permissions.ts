import type { ApiUser } from '@pbx-gateway/core';

const normalise = (name: string): string => name.toLowerCase().replace(/[^a-z0-9*]/g, '');

/**
 * Whether the API user holds a permission. Each operation names the
 * permission it needs as VoIPSUN's "HTTP API users" page names it; an API
 * user's permission entry matches when it equals that name or the action's,
 * ignoring case, spaces and punctuation ("Hang up call", "hang_up_call",
 * "hangupcall" are one permission); `*` grants all.
 */
export function permits(user: ApiUser, permission: string, action: string): boolean {
  const accepted = new Set([normalise(permission), normalise(action)]);
  return user.permissions.some((entry) => entry === '*' || accepted.has(normalise(entry)));
}
