import type { AccessToken } from './access-token';
import type { AccessTokenKind } from '../kernel/vocabulary';
import type { CoreContext } from '../kernel/context';

export interface IssuedToken {
  token: string;
  expiresAt: Date | null;
}

export interface TokenRequest {
  kind: AccessTokenKind;
  subject: string;
  /** Lifetime; null for a token that lives until revoked. */
  ttlMs: number | null;
  /** `hex32`: 32 hex digits; `uuid`: a UUID, followed by `suffix` when given. */
  shape: 'hex32' | 'uuid';
  suffix?: string;
  /**
   * The token itself, drawn by the caller (who needed it before it could be
   * issued: a CC-Gateway push sign-in sends it with the first events); else drawn here.
   */
  value?: string;
}

/** Issues a bearer token; only its fingerprint is stored. */
export async function issueAccessToken(ctx: CoreContext, request: TokenRequest): Promise<IssuedToken> {
  ctx.words.requireTokenKind(request.kind);
  const now = ctx.clock.now();
  const token = request.value ?? (request.shape === 'hex32' ? ctx.ids.randomHex(16) : `${uuidFrom(ctx.ids.randomHex(16))}${request.suffix ?? ''}`);
  const expiresAt = request.ttlMs === null ? null : new Date(now.getTime() + request.ttlMs);
  await ctx.store.direct.tokens.insert({
    fingerprint: ctx.hasher.fingerprint(token),
    kind: request.kind,
    subject: request.subject,
    issuedAt: now,
    expiresAt,
  });
  return { token, expiresAt };
}

/** The live token behind a bearer value, or null when unknown or expired. */
export async function resolveAccessToken(ctx: CoreContext, kind: AccessTokenKind, token: string): Promise<AccessToken | null> {
  if (token.length === 0 || token.length > 200) return null;
  const found = await ctx.store.direct.tokens.find(kind, ctx.hasher.fingerprint(token));
  if (!found) return null;
  if (found.expiresAt && found.expiresAt.getTime() <= ctx.clock.now().getTime()) return null;
  return found;
}

export async function revokeAccessToken(ctx: CoreContext, kind: AccessTokenKind, token: string): Promise<void> {
  await ctx.store.direct.tokens.delete(kind, ctx.hasher.fingerprint(token));
}

function uuidFrom(hex: string): string {
  const h = hex.padEnd(32, '0').slice(0, 32).split('');
  h[12] = '4';
  h[16] = '89ab'[parseInt(h[16]!, 16) % 4]!;
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** Revokes every token of one kind issued to a subject (an account logging out everywhere). */
/** A token of the shape asked for, not issued yet (see TokenRequest.value). */
export function drawAccessToken(ctx: CoreContext, shape: TokenRequest['shape'], suffix = ''): string {
  return shape === 'hex32' ? ctx.ids.randomHex(16) : `${uuidFrom(ctx.ids.randomHex(16))}${suffix}`;
}

export async function revokeAccessTokensOf(ctx: CoreContext, kind: AccessTokenKind, subject: string): Promise<void> {
  await ctx.store.direct.tokens.deleteBySubject(kind, subject);
}
