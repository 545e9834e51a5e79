import type { AccessToken, CallControl } from '@pbx-gateway/core';
import type { DialectLogger, RequestParams, WireAnswer } from '@pbx-gateway/dialect-kit';
import type { Retcode, WireError } from './errors';
import type { OperationName } from './operation-names';
import type { PollRegistry } from './poll-registry';
import type { CcgatewaySettings } from './settings';
import { failureAnswer } from './wire/envelope';

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE';

export interface CcgatewayContext {
  /** The sign-in phone-number rule, compiled once at start; null accepts any well-formed number. */
  acceptsPhoneNumber: ((phoneNumber: string) => boolean) | null;
  core: CallControl;
  settings: CcgatewaySettings;
  logger: DialectLogger;
  polls: PollRegistry;
}

export interface OperationInput {
  agentId: string;
  /** Decoded path segments named in the interface's path (`{time}` ...), besides the agent id. */
  pathParams: Readonly<Record<string, string>>;
  query: RequestParams;
  /** The JSON body of a body interface (`{}` when empty); `{}` for the others. */
  body: Record<string, unknown>;
  /** The caller's verified GUID; null for sign-in. */
  auth: { guid: string; token: AccessToken } | null;
  /** Aborted when the client goes away before the answer. */
  clientGone: AbortSignal;
}

export interface OperationResult {
  answer: WireAnswer;
  /** The retcode answered, for the API log. */
  retcode: string;
}

export interface Operation {
  name: OperationName;
  method: HttpMethod;
  /** Path under `/agentgateway/resource`, with `{agentid}` and other `{name}` segments. */
  path: string;
  auth: 'guid' | 'none';
  body: 'json' | 'none';
  /** Answer for a body that cannot be read as a JSON object (malformed, oversized, not an object). */
  bodyError: Retcode;
  run(ctx: CcgatewayContext, input: OperationInput): Promise<OperationResult>;
}

export const succeeded = (answer: WireAnswer): OperationResult => ({ answer, retcode: '0' });

export const failed = (error: WireError): OperationResult => ({ answer: failureAnswer(error.retcode, error.message), retcode: error.retcode });
