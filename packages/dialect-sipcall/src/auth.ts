import type { ApiUser, CallControl } from '@pbx-gateway/core';
import { text } from './messages';
import type { SipcallSettings } from './settings';
import type { Envelope } from './wire/envelope';

/**
 * The attributes of a Sip_Call API user (one per company) that this dialect
 * reads. Provisioning sets them; all are optional.
 */
export const COMPANY_ATTRIBUTES = {
  /** Tenant code: Login `companycode`, callbacks `companycode`, the core's call tenant. */
  code: 'companycode',
  name: 'companyname',
  statusCallbackUrl: 'statusCallbackUrl',
  cdrCallbackUrl: 'cdrCallbackUrl',
  /** Platform node address in status callbacks (`ip`). */
  nodeIp: 'nodeIp',
  /** Recording host in CDR callbacks (`downloadip`); the node address when absent. */
  downloadIp: 'downloadIp',
  /** Comma-separated client addresses allowed to call the API; absent or empty: any (`ret 604` otherwise). */
  allowedIps: 'allowedIps',
  /** Login `authmodel`. */
  authModel: 'authmodel',
} as const;

export const TOKEN_KIND = 'sipcall-token' as const;

export const attribute = (user: Pick<ApiUser, 'attributes'>, name: string): string => user.attributes[name] ?? '';

export type Authorization = { ok: true; user: ApiUser } | { ok: false; envelope: Envelope };

const refuse = (ret: number, msg: string): Authorization => ({ ok: false, envelope: { ret, data: [], msg } });

/**
 * The company behind a request's `token`: a missing, unknown or expired token
 * is `ret 600` (clients log in again and retry), an account disabled since
 * `602`, a client address outside the company's allow-list `604`, and, when
 * permissions are enforced, a service the account may not use `603`.
 */
export async function authorizeToken(
  core: CallControl,
  settings: SipcallSettings,
  request: { token: string | undefined; service: string; remoteAddress: string | null },
): Promise<Authorization> {
  const language = settings.language;
  const token = request.token ?? '';
  const access = token === '' ? null : await core.resolveAccessToken(TOKEN_KIND, token);
  const user = access ? await core.getApiUser(access.subject) : null;
  if (!user || user.realm !== 'sipcall') return refuse(600, text(language, 'tokenInvalid'));
  if (!user.active) return refuse(602, text(language, 'appidExpired'));
  if (!addressAllowed(user, request.remoteAddress)) return refuse(604, text(language, 'ipNotAuthorized'));
  if (settings.checkPermissions && !servicePermitted(user, request.service)) return refuse(603, text(language, 'moduleNotLicensed'));
  return { ok: true, user };
}

/** Whether the account's allow-list (if any) contains the client's address. */
export function addressAllowed(user: Pick<ApiUser, 'attributes'>, remoteAddress: string | null): boolean {
  const allowed = attribute(user, COMPANY_ATTRIBUTES.allowedIps)
    .split(/[\s,]+/)
    .filter((entry) => entry !== '');
  if (allowed.length === 0) return true;
  const address = normaliseAddress(remoteAddress ?? '');
  return allowed.some((entry) => normaliseAddress(entry) === address);
}

/** `*`, the module (`App.Sip_Call`) or the full service name grants a service; names ignore case. */
export function servicePermitted(user: Pick<ApiUser, 'permissions'>, service: string): boolean {
  const wanted = service.toLowerCase();
  const module = wanted.split('.').slice(0, 2).join('.');
  return user.permissions.some((permission) => {
    const granted = permission.toLowerCase();
    return granted === '*' || granted === wanted || granted === module;
  });
}

function normaliseAddress(address: string): string {
  const trimmed = address.trim().toLowerCase();
  return trimmed.startsWith('::ffff:') && trimmed.includes('.') ? trimmed.slice(7) : trimmed;
}
