import type { AccessToken } from './access-token';
import type { ApiUser } from '../directory/directory';
import type { UserGroup } from '../directory/user-group';
import type { AccessTokenKind, ApiRealm } from '../kernel/vocabulary';
import type { CoreContext } from '../kernel/context';
import { issueAccessToken, resolveAccessToken, revokeAccessToken, revokeAccessTokensOf, type IssuedToken, type TokenRequest } from './access-tokens';
import { authenticateApiUser, type ApiUserCredentials } from './api-user-authentication';

/** API accounts and the bearer tokens the gateway issues. */
export interface CredentialCommands {
  authenticateApiUser(credentials: ApiUserCredentials): Promise<ApiUser>;
  issueAccessToken(request: TokenRequest): Promise<IssuedToken>;
  resolveAccessToken(kind: AccessTokenKind, token: string): Promise<AccessToken | null>;
  revokeAccessToken(kind: AccessTokenKind, token: string): Promise<void>;
  revokeAccessTokensOf(kind: AccessTokenKind, subject: string): Promise<void>;
  getApiUser(id: string): Promise<ApiUser | null>;
  /** The account of a realm by its login, whatever its state (for dialects that report account state). */
  findApiUser(realm: ApiRealm, login: string): Promise<ApiUser | null>;
  getUserGroup(id: string): Promise<UserGroup | null>;
}

export function credentialCommands(ctx: CoreContext): CredentialCommands {
  const direct = ctx.store.direct;
  const userGroups = userGroupCache(ctx);
  return {
    authenticateApiUser: (credentials) => authenticateApiUser(ctx, credentials),
    issueAccessToken: (request) => issueAccessToken(ctx, request),
    resolveAccessToken: (kind, token) => resolveAccessToken(ctx, kind, token),
    revokeAccessToken: (kind, token) => revokeAccessToken(ctx, kind, token),
    revokeAccessTokensOf: (kind, subject) => revokeAccessTokensOf(ctx, kind, subject),
    getApiUser: (id) => direct.apiUsers.get(id),
    findApiUser: (realm, login) => direct.apiUsers.findByLogin(realm, login),
    getUserGroup: (id) => userGroups(id),
  };
}

/**
 * A dialect reads the caller's user group with every request, right after its
 * (cached) credentials: the group is kept as long as verified credentials are,
 * so a change to a group takes effect within the same period as a change to
 * an account.
 */
function userGroupCache(ctx: CoreContext): (id: string) => Promise<UserGroup | null> {
  const entries = new Map<string, { group: Promise<UserGroup | null>; expiresAt: number }>();
  return (id) => {
    const ttlMs = ctx.config.credentialCacheMs;
    if (ttlMs <= 0) return ctx.store.direct.userGroups.get(id);
    const nowMs = ctx.clock.now().getTime();
    const cached = entries.get(id);
    if (cached && cached.expiresAt > nowMs) return cached.group;
    // Groups are few: an expired entry is replaced, never left to pile up.
    if (entries.size >= 1000) entries.clear();
    const group = ctx.store.direct.userGroups.get(id);
    entries.set(id, { group, expiresAt: nowMs + ttlMs });
    // A failed read is not remembered.
    group.catch(() => {
      if (entries.get(id)?.group === group) entries.delete(id);
    });
    return group;
  };
}
