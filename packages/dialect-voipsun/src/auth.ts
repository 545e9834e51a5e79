import { isDomainError, type ApiUser, type CallControl } from '@pbx-gateway/core';
import type { RequestParams } from '@pbx-gateway/dialect-kit';
import { VoipsunWireError } from './errors';
import type { VoipsunAction } from './operations/action';

/**
 * The permission each action needs, named as VoIPSUN's "HTTP API users"
 * page names them. An API user's permission entry matches when it equals the
 * page's name or the action's name, ignoring case, spaces and punctuation
 * ("Hang up call", "hang_up_call", "hangupcall" are one permission); `*`
 * grants all.
 */
export const ACTION_PERMISSIONS: Readonly<Record<VoipsunAction, string>> = {
  originate: 'Originate',
  hangupcall: 'Hang up call',
  listcalls: 'Call list',
};

const normalise = (name: string): string => name.toLowerCase().replace(/[^a-z0-9*]/g, '');

export function mayUse(user: ApiUser, action: VoipsunAction): boolean {
  const accepted = new Set([normalise(ACTION_PERMISSIONS[action]), normalise(action)]);
  return user.permissions.some((permission) => permission === '*' || accepted.has(normalise(permission)));
}

/** Longest credentials looked up: anything longer cannot be an account, and is not worth hashing. */
const MAX_LOGIN = 255;
const MAX_SECRET = 1024;

/**
 * The API user named by `username`/`password`. Every way of not being one
 * (missing, unknown, wrong secret, inactive, locked out) is errno 100.
 */
export async function authenticate(core: CallControl, params: RequestParams): Promise<ApiUser> {
  const login = params.username;
  const secret = params.password;
  if (!login || !secret || login.length > MAX_LOGIN || secret.length > MAX_SECRET) throw new VoipsunWireError('100');
  try {
    return await core.authenticateApiUser({ realm: 'voipsun', login, secret });
  } catch (error) {
    if (isDomainError(error, 'AUTH_FAILED') || isDomainError(error, 'AUTH_LOCKED')) throw new VoipsunWireError('100');
    throw error;
  }
}
