import { isDomainError, type ApiUser, type CallControl } from '@pbx-gateway/core';
import type { VicidialSettings } from './settings';
import { strlen } from './wire/input-filters';
import { bytesToText } from './wire/php-params';

/**
 * The VICIdial facts of an API user, read from `ApiUser.attributes`:
 * - `user_level` (1–9; the Agent API needs > 0, the Non-Agent API > 6)
 * - `user_group` (echoed in the permission error)
 * - `vdc_agent_api_access` (`1` = may use the Agent API)
 * - `api_allowed_functions` (` ALL_FUNCTIONS ` or ` f1 f2 `; when absent, the
 *   account's `permissions` decide: `*` or the function's name)
 * - `api_allowed_ips` (optional, addresses separated by spaces or commas: the
 *   only addresses the account may call from; absent or empty = any; the
 *   user group's list applies too)
 * - what the Non-Agent API's functions check: `full_name`, `modify_leads`
 *   (0–4), `modify_users`, `modify_same_user_level`, `view_reports` and
 *   `api_list_restrict` (`1` = yes; `api_list_restrict` limits the lists to
 *   those of the group's allowed campaigns)
 * - `change_agent_campaign` (`1` = may change agents' in-groups, change_ingroups)
 */
export interface VicidialApiUser {
  id: string;
  login: string;
  fullName: string;
  level: number;
  group: string;
  agentApiAccess: boolean;
  allowedFunctions: string | null;
  permissions: readonly string[];
  changeAgentCampaign: boolean;
  modifyCampaigns: boolean;
  modifyLeads: number;
  modifyUsers: boolean;
  /** `delete_users`: update_user may also delete. */
  deleteUsers: boolean;
  /** `modify_lists`: may add do-not-call numbers and read lists. */
  modifyLists: boolean;
  /** `delete_lists`: update_list may also delete lists, and with `modify_leads` their leads. */
  deleteLists: boolean;
  /** `delete_from_dnc`: may also take them off. */
  deleteFromDnc: boolean;
  /** `custom_fields_modify`: add_list and update_list may copy lists' own fields. */
  customFieldsModify: boolean;
  /** `admin_cf_show_hidden`: sees the values of lists' fields set to be hidden as they are. */
  cfShowHidden: boolean;
  /** `admin_hide_lead_data`: sees every value of lists' fields X'd out (lead_all_info, lead_field_info). */
  hideLeadData: boolean;
  modifySameUserLevel: boolean;
  /** `ast_admin_access`: may add and change phones and aliases. */
  astAdminAccess: boolean;
  /** `ast_delete_phones`: update_phone and update_phone_alias may also delete. */
  astDeletePhones: boolean;
  viewReports: boolean;
  apiListRestrict: boolean;
  /** `modify_inbound_dids`: may add, copy and change DIDs. */
  modifyInboundDids: boolean;
  /** `delete_inbound_dids`: update_did may also delete. */
  deleteInboundDids: boolean;
}

const numberAttribute = (value: string | undefined): number => Number.parseInt(value ?? '0', 10) || 0;

export function vicidialApiUser(user: ApiUser): VicidialApiUser {
  const attributes = user.attributes;
  return {
    id: user.id,
    login: user.login,
    fullName: attributes.full_name ?? '',
    level: numberAttribute(attributes.user_level),
    group: attributes.user_group ?? '',
    agentApiAccess: attributes.vdc_agent_api_access === '1',
    allowedFunctions: attributes.api_allowed_functions ?? null,
    permissions: user.permissions,
    changeAgentCampaign: attributes.change_agent_campaign === '1',
    modifyCampaigns: attributes.modify_campaigns === '1',
    modifyLeads: numberAttribute(attributes.modify_leads),
    modifyUsers: attributes.modify_users === '1',
    deleteUsers: attributes.delete_users === '1',
    modifyLists: attributes.modify_lists === '1',
    deleteLists: attributes.delete_lists === '1',
    deleteFromDnc: attributes.delete_from_dnc === '1',
    customFieldsModify: attributes.custom_fields_modify === '1',
    cfShowHidden: attributes.admin_cf_show_hidden === '1',
    hideLeadData: attributes.admin_hide_lead_data === '1',
    modifySameUserLevel: attributes.modify_same_user_level === '1',
    astAdminAccess: attributes.ast_admin_access === '1',
    astDeletePhones: attributes.ast_delete_phones === '1',
    viewReports: attributes.view_reports === '1',
    apiListRestrict: attributes.api_list_restrict === '1',
    modifyInboundDids: attributes.modify_inbound_dids === '1',
    deleteInboundDids: attributes.delete_inbound_dids === '1',
  };
}

/** VICIdial's allow-list test: ` <function> ` or `ALL_FUNCTIONS` anywhere in the list. */
export function mayUseFunction(user: VicidialApiUser, fn: string): boolean {
  if (user.allowedFunctions === null) return user.permissions.includes('*') || user.permissions.includes(fn);
  return user.allowedFunctions.includes(` ${fn} `) || user.allowedFunctions.includes('ALL_FUNCTIONS');
}

export type AuthOutcome = { ok: true; user: VicidialApiUser } | { ok: false; line: string };

interface Credentials {
  /** Filtered `user` and `pass`, as byte strings (wire/php-params). */
  user: string;
  pass: string;
  ip: string | null;
}

type Verdict = { kind: 'good'; user: ApiUser } | { kind: 'bad' } | { kind: 'lock' } | { kind: 'errservers' } | { kind: 'ipblock' };

async function verify(core: CallControl, credentials: Credentials, resetFailures: boolean, minLevel: number, settings: VicidialSettings): Promise<Verdict> {
  // An empty login names nobody: nothing to count, nothing to look up.
  if (credentials.user === '') return { kind: 'bad' };
  let user: ApiUser;
  try {
    user = await core.authenticateApiUser({
      realm: 'vicidial',
      login: bytesToText(credentials.user),
      secret: bytesToText(credentials.pass),
      resetFailuresOnSuccess: resetFailures,
      // Spec §2.2: the window runs from the count's restart (or a Non-Agent login), VICIdial's last_login_date.
      lockoutWindow: 'since_count_restart',
    });
  } catch (error) {
    if (isDomainError(error, 'AUTH_LOCKED')) return { kind: 'lock' };
    if (isDomainError(error, 'AUTH_FAILED')) return { kind: 'bad' };
    throw error;
  }
  if (vicidialApiUser(user).level < minLevel) return { kind: 'bad' };
  if (!ipAllowed(user, credentials.ip)) return { kind: 'ipblock' };
  const group = await core.getUserGroup(vicidialApiUser(user).group);
  if (group && !addressListed(group.apiAllowedIps, credentials.ip)) return { kind: 'ipblock' };
  if (settings.errServersWhenPbxDown && !core.pbxAvailable()) return { kind: 'errservers' };
  return { kind: 'good', user };
}

/**
 * Agent API checks 3–5 of spec §2.1: password (with lock-out), API access,
 * length of user and password. A refusal is VICIdial's credential line with
 * the password and the SQL left out.
 */
export async function authenticateAgentApiUser(core: CallControl, settings: VicidialSettings, credentials: Credentials): Promise<AuthOutcome> {
  // The Agent API keeps failures after a success (VICIdial does not reset them there).
  const verdict = await verify(core, credentials, false, 1, settings);
  const account = verdict.kind === 'good' ? verdict.user : await lookUpAccount(core, credentials.user);
  const authApi = account !== null && vicidialApiUser(account).agentApiAccess ? 1 : 0;
  const auth = verdict.kind === 'good' ? 1 : 0;
  if (verdict.kind === 'good' && authApi === 1 && strlen(credentials.user) >= 2 && strlen(credentials.pass) >= 2) {
    return { ok: true, user: vicidialApiUser(verdict.user) };
  }
  const user = credentials.user;
  if (!settings.revealAccountState && verdict.kind !== 'lock') {
    return { ok: false, line: `ERROR: Invalid Username/Password: |${user}||0|0|BAD|0|api||` };
  }
  switch (verdict.kind) {
    case 'good':
      return { ok: false, line: `ERROR: Invalid Username/Password: |${user}||${auth}|${authApi}|GOOD|` };
    case 'lock':
      return { ok: false, line: `ERROR: Invalid Username/Password: |${user}||0|${authApi}|LOCK|` };
    case 'errservers':
      return { ok: false, line: `ERROR: Invalid Username/Password: |${user}||0|${authApi}|ERRSERVERS|` };
    case 'ipblock':
      return { ok: false, line: `ERROR: Invalid Username/Password: |${user}||0|${authApi}|IPBLOCK|` };
    case 'bad':
      return { ok: false, line: `ERROR: Invalid Username/Password: |${user}||0|${authApi}|BAD|0|api||` };
  }
}

/** Non-Agent login (spec §4.1): password, `user_level > 6`, active, lock-out; a success clears earlier failures. */
export async function authenticateNonAgentApiUser(core: CallControl, settings: VicidialSettings, credentials: Credentials): Promise<AuthOutcome> {
  const verdict = await verify(core, credentials, true, 7, settings);
  switch (verdict.kind) {
    case 'good':
      return { ok: true, user: vicidialApiUser(verdict.user) };
    case 'lock':
      return { ok: false, line: `ERROR: Too many login attempts, try again in 15 minutes: |${credentials.user}|LOCK|` };
    case 'ipblock':
      return { ok: false, line: `ERROR: Your IP Address is not allowed: ${credentials.ip ?? ''}: ||IPBLOCK|` };
    case 'bad':
    case 'errservers':
      return { ok: false, line: `ERROR: Login incorrect, please try again: |${credentials.user}||BAD|` };
  }
}

/**
 * `<auth_api>` is reported even when the password is wrong (VICIdial counts
 * the users with that name and API access), so the account is looked up by
 * its login before any password check.
 */
async function lookUpAccount(core: CallControl, loginBytes: string): Promise<ApiUser | null> {
  if (loginBytes === '') return null;
  return core.findApiUser('vicidial', bytesToText(loginBytes));
}

function ipAllowed(user: ApiUser, ip: string | null): boolean {
  return addressListed((user.attributes.api_allowed_ips ?? '').split(/[\s,]+/).filter((entry) => entry !== ''), ip);
}

/** An empty list allows every address. */
function addressListed(list: readonly string[], ip: string | null): boolean {
  if (list.length === 0) return true;
  return ip !== null && list.includes(normaliseIp(ip));
}

/** `::ffff:10.0.0.1` is the IPv4 client 10.0.0.1 on a dual-stack socket. */
export const normaliseIp = (ip: string): string => ip.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
