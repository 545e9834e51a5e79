import type { IncomingHttpHeaders } from 'node:http';
import type { AccessToken, CallControl } from '@pbx-gateway/core';
import { wireError, type WireError } from './errors';
import type { CcgatewaySettings } from './settings';

export const GUID_KIND = 'ccgateway-guid';
const COOKIE_NAME = 'JSESSIONID';

/**
 * The GUID a request carries: the `Guid` header (Huawei's contract), else a
 * `JSESSIONID` cookie. Clients that copy the whole `Set-GUID` value
 * (`JSESSIONID=<guid>`) into `Guid` are understood too.
 */
export function requestGuid(headers: IncomingHttpHeaders): string | null {
  const header = headers['guid'];
  if (typeof header === 'string' && header.trim().length > 0) {
    const value = header.trim();
    return value.startsWith(`${COOKIE_NAME}=`) ? value.slice(COOKIE_NAME.length + 1) : value;
  }
  const cookies = headers.cookie;
  if (typeof cookies !== 'string') return null;
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === COOKIE_NAME) {
      const value = part.slice(eq + 1).trim();
      return value.length > 0 ? value : null;
    }
  }
  return null;
}

export type GuidCheck = { ok: true; guid: string; token: AccessToken } | { ok: false; error: WireError };

/**
 * A missing or unknown GUID means the caller is not signed in (`100-006`);
 * a live GUID of another agent is a permission failure (`000-003`).
 */
export async function authenticateAgent(core: CallControl, headers: IncomingHttpHeaders, agentId: string): Promise<GuidCheck> {
  const guid = requestGuid(headers);
  if (guid === null) return { ok: false, error: wireError('100-006') };
  const token = await core.resolveAccessToken(GUID_KIND, guid);
  if (!token) return { ok: false, error: wireError('100-006') };
  if (token.subject !== agentId) return { ok: false, error: wireError('000-003') };
  return { ok: true, guid, token };
}

/** The agent a live GUID belongs to, for the interface whose path names no agent (`allagentevent`); null without one. */
export async function guidSubject(core: CallControl, headers: IncomingHttpHeaders): Promise<string | null> {
  const guid = requestGuid(headers);
  return guid === null ? null : ((await core.resolveAccessToken(GUID_KIND, guid))?.subject ?? null);
}

/**
 * A new GUID for a signed-in agent: `<uuid>.<node name>`. In static mode it
 * lives until the session ends (the core drops an agent's GUIDs with the
 * session); in dynamic mode it also expires two rotation periods after issue,
 * so the previous GUID stays valid for about one period after the next is
 * handed out. `pushed`: the GUID a push session's events already carry; it
 * lives as long as the session in either mode, as no poll would rotate it.
 */
export async function issueGuid(core: CallControl, settings: CcgatewaySettings, agentId: string, pushed: string | null = null): Promise<string> {
  const issued = await core.issueAccessToken({
    kind: GUID_KIND,
    subject: agentId,
    shape: 'uuid',
    suffix: `.${settings.nodeName}`,
    ttlMs: settings.authMode === 'dynamic' && pushed === null ? 2 * settings.guidRotationMs : null,
    ...(pushed === null ? {} : { value: pushed }),
  });
  return issued.token;
}

/** Dynamic mode: a poll carrying a GUID older than one rotation period gets a new one. */
export async function rotateGuidIfDue(core: CallControl, settings: CcgatewaySettings, token: AccessToken): Promise<string | null> {
  if (settings.authMode !== 'dynamic') return null;
  const age = core.clock.now().getTime() - token.issuedAt.getTime();
  if (age < settings.guidRotationMs) return null;
  return issueGuid(core, settings, token.subject);
}

export const setGuidHeader = (guid: string): Record<string, string> => ({ 'Set-GUID': `${COOKIE_NAME}=${guid}` });
