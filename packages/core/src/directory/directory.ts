import type { ApiRealm } from '../kernel/vocabulary';

/** A phone line of the PBX. */
export interface Extension {
  /** Numeric database id (VoIPSUN `srcExtenId`). */
  id: number;
  internalNumber: string;
  publicNumber: string | null;
  sipUsername: string;
  dialplan: string;
  /** Dial string that rings it (`PJSIP/sip100`). */
  endpoint: string;
  callerIdNumber: string;
  callerIdName: string;
  recordCalls: boolean;
}

/** Extensions rung together when a call is transferred to the group. */
export interface ExtensionGroup {
  name: string;
  tenant: string | null;
  extensionIds: readonly number[];
  /** Seconds the members ring before the transfer gives up. */
  ringTimeoutSec: number;
}

/** Where numbers outside the PBX are dialled. */
export interface Trunk {
  id: number;
  name: string;
  /** Dial string with `{number}` for the called number (`PJSIP/{number}@upc`). */
  dialTemplate: string;
  /** Numbers presented when a client leaves the caller id to the platform. */
  callerIdPool: readonly string[];
}

/** Where a trunk dials: what a call needs from it when the caller id is not the pool's. */
export type TrunkRoute = Omit<Trunk, 'callerIdPool'>;


export interface ApiUser {
  id: string;
  realm: ApiRealm;
  login: string;
  secretHash: string;
  active: boolean;
  /** Operations the account may use (`*` for all). */
  permissions: readonly string[];
  /** Dialect-specific settings (VICIdial user level, Sip_Call company and callback URLs ...). */
  attributes: Readonly<Record<string, string>>;
  failedLogins: number;
  /** Where the lock-out window starts (ports/store.ts, `LockoutPolicy`); null: none has started. */
  lastFailedLoginAt: Date | null;
}

export const hasPermission = (user: ApiUser, permission: string): boolean =>
  user.permissions.includes('*') || user.permissions.includes(permission);
