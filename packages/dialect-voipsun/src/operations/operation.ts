import type { ApiUser, CallControl } from '@pbx-gateway/core';
import { operationKind, type DialectLogger, type Operation, type RequestParams } from '@pbx-gateway/dialect-kit';
import { permits } from '../permissions';
import { ERRNO_TABLE, VoipsunWireError, type Errno } from '../errors';
import type { VoipsunSettings } from '../settings';

export interface OperationContext {
  core: CallControl;
  settings: VoipsunSettings;
  logger: DialectLogger;
  /** The authenticated caller (credentials come before the action: 100, then 110). */
  apiUser: ApiUser;
  /** The `action` asked for: also a name of the permission it needs. */
  action: string;
}

/**
 * VoIPSUN's operations: selected by `action=`, each needing one permission
 * of the API user (named as VoIPSUN's "HTTP API users" page names it), fed
 * the request's parameters, answering a JSON body.
 */
export interface VoipsunTypes {
  selector: { action: string };
  auth: { permission: string };
  context: OperationContext;
  raw: RequestParams;
  answer: string;
  wire: Errno;
}

/**
 * A caller without the action's permission is errno 100; parameters missing
 * or of the wrong shape are 120; a failure nobody words is 999.
 */
const voipsunOperations = operationKind<VoipsunTypes>({
  errors: ERRNO_TABLE,
  invalidInput: () => '120',
  unexpected: '999',
  async authorize({ apiUser, action }, { permission }) {
    if (!permits(apiUser, permission, action)) throw new VoipsunWireError('100');
  },
});

export const defineOperation = voipsunOperations.define;
export const wireErrorOf = voipsunOperations.wireErrorOf;

export type VoipsunOperation = Operation<VoipsunTypes>;
