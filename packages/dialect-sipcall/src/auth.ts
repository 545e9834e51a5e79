import { isDomainError, type ApiUser, type CallControl } from '@pbx-gateway/core';
import { WireRefusal } from '@pbx-gateway/dialect-kit';
import { transport, type WireError } from './errors';
import type { SipcallSettings } from './settings';

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
  /**
   * Generation of the company's callback secret: changing it gives the
   * company a new secret (and only this company), e.g. after a leak.
   */
  callbackSecretVersion: 'callbackSecretVersion',
} as const;

export const TOKEN_KIND = 'sipcall-token' as const;

export const attribute = (user: Pick<ApiUser, 'attributes'>, name: string): string => user.attributes[name] ?? '';

/** The core's tenant of a company's calls and CDRs: its company code, none when it has none. */
export const tenantOf = (company: Pick<ApiUser, 'attributes'>): string | null => attribute(company, COMPANY_ATTRIBUTES.code) || null;

export type Authorization = { ok: true; user: ApiUser } | { ok: false; wire: WireError };

const refuse = (wire: WireError): Authorization => ({ ok: false, wire });

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
  const token = request.token ?? '';
  const access = token === '' ? null : await core.resolveAccessToken(TOKEN_KIND, token);
  const user = access ? await core.getApiUser(access.subject) : null;
  if (!user || user.realm !== 'sipcall') return refuse(transport(600, 'tokenInvalid'));
  if (!user.active) return refuse(transport(602, 'appidExpired'));
  if (!addressAllowed(user, request.remoteAddress)) return refuse(transport(604, 'ipNotAuthorized'));
  if (settings.checkPermissions && !servicePermitted(user, request.service)) return refuse(transport(603, 'moduleNotLicensed'));
  return { ok: true, user };
}

/**
 * The company of an `appid` and `accesskey` (Login, and Logout by
 * credentials). An unknown appid is `ret 601` and an inactive account `602`
 * (authorization expired), as the vendor's table describes; a wrong access
 * key stays the core's AUTH_FAILED, a failed authorization (business 1003).
 */
export async function authenticateCompany(core: CallControl, appid: string, accesskey: string): Promise<ApiUser> {
  try {
    return await core.authenticateApiUser({ realm: 'sipcall', login: appid, secret: accesskey });
  } catch (error) {
    if (isDomainError(error, 'AUTH_FAILED') && error.details.reason === 'unknown') throw new WireRefusal(transport(601, 'appidNotAuthorized'));
    if (isDomainError(error, 'AUTH_FAILED') && error.details.reason === 'inactive') throw new WireRefusal(transport(602, 'appidExpired'));
    throw error;
  }
}

/**
 * The company of a request that carries the account's credentials instead of
 * a token (the batch IVR): answered as Login answers them (601, 602, 1003),
 * then the same address and permission checks as a token's (604, 603).
 */
export async function authorizeCredentials(
  core: CallControl,
  settings: SipcallSettings,
  request: { appid: string; accesskey: string; service: string; remoteAddress: string | null },
): Promise<ApiUser> {
  const user = await authenticateCompany(core, request.appid, request.accesskey);
  if (!addressAllowed(user, request.remoteAddress)) throw new WireRefusal(transport(604, 'ipNotAuthorized'));
  if (settings.checkPermissions && !servicePermitted(user, request.service)) throw new WireRefusal(transport(603, 'moduleNotLicensed'));
  return user;
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
