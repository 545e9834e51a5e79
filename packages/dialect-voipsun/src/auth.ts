import { isDomainError, type ApiUser, type CallControl } from '@pbx-gateway/core';
import type { RequestParams } from '@pbx-gateway/dialect-kit';
import { VoipsunWireError } from './errors';
import { operationFor } from './operations';
import { permits } from './permissions';

/** Whether the API user may use an action (see permissions.ts); an unknown action, no. */
export function mayUse(user: ApiUser, action: string): boolean {
  const operation = operationFor(action);
  return operation !== undefined && permits(user, operation.auth.permission, operation.action);
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
