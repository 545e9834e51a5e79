import type { ApiUser, CallControl } from '@pbx-gateway/core';
import type { DialectLogger, RequestParams } from '@pbx-gateway/dialect-kit';
import type { VoipsunSettings } from '../settings';

/** The actions this gateway answers; every other `action` value is errno 110. */
export const VOIPSUN_ACTIONS = ['originate', 'hangupcall', 'listcalls'] as const;

export type VoipsunAction = (typeof VOIPSUN_ACTIONS)[number];

export interface OperationContext {
  core: CallControl;
  settings: VoipsunSettings;
  logger: DialectLogger;
  apiUser: ApiUser;
}

/**
 * One action: validates its parameters (errno 120 and its own errors, in the
 * documented order), calls the core, and renders the success body. Refusals
 * are thrown (`VoipsunWireError` or the core's `DomainError`).
 */
export interface VoipsunOperation {
  readonly action: VoipsunAction;
  run(params: RequestParams, context: OperationContext): Promise<string>;
}
