import type { ApiUser, CallControl } from '@pbx-gateway/core';
import { operationKind, type DialectLogger, type Operation, type RequestParams } from '@pbx-gateway/dialect-kit';
import { ERRNO_TABLE, type Errno } from '../errors';
import type { VoipsunSettings } from '../settings';

export interface OperationContext {
  core: CallControl;
  settings: VoipsunSettings;
  logger: DialectLogger;
  apiUser: ApiUser;
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

/** Parameters missing or of the wrong shape are errno 120; a failure nobody words is 999. */
const voipsunOperations = operationKind<VoipsunTypes>({ errors: ERRNO_TABLE, invalidInput: () => '120', unexpected: '999' });

export const defineOperation = voipsunOperations.define;
export const wireErrorOf = voipsunOperations.wireErrorOf;

export type VoipsunOperation = Operation<VoipsunTypes>;
