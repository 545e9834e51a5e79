import type { IncomingHttpHeaders } from 'node:http';
import type { AccessToken, CallControl } from '@pbx-gateway/core';
import {
  operationKind,
  WireRefusal,
  type DialectLogger,
  type HttpMethod,
  type InputCheck,
  type Operation as KitOperation,
  type RequestParams,
  type WireAnswer,
} from '@pbx-gateway/dialect-kit';
import { authenticateAgent } from './auth';
import { RETCODE_TABLE, type Retcode } from './errors';
import type { PollRegistry } from './poll-registry';
import type { CcgatewaySettings } from './settings';

export type { HttpMethod };

export interface CcgatewayContext {
  /** The sign-in phone-number rule, compiled once at start; null accepts any well-formed number. */
  acceptsPhoneNumber: ((phoneNumber: string) => boolean) | null;
  core: CallControl;
  settings: CcgatewaySettings;
  logger: DialectLogger;
  polls: PollRegistry;
}

/** One request for one interface: the dialect's context and what the path, query and headers gave. */
export interface InterfaceContext extends CcgatewayContext {
  agentId: string;
  /** Decoded path segments named in the interface's path (`{time}` ...), besides the agent id. */
  pathParams: Readonly<Record<string, string>>;
  query: RequestParams;
  headers: IncomingHttpHeaders;
  /** The caller's verified GUID, once checked; null for sign-in. */
  auth: { guid: string; token: AccessToken } | null;
  /** Aborted when the client goes away before the answer. */
  clientGone: AbortSignal;
}

/** The JSON body of a body interface (`{}` when empty); `{}` for the others; null when it cannot be read (malformed, oversized, not an object). */
export type RequestBody = Record<string, unknown> | null;

/**
 * CC-Gateway's interfaces: selected by method and path under
 * `/agentgateway/resource`, guarded by the agent's GUID (or not, for
 * sign-in), fed the JSON body, answering the `{message, retcode, result}`
 * envelope. `body` says whether the interface reads a body at all.
 */
export interface CcgatewayTypes {
  selector: { method: HttpMethod; path: string; body: 'json' | 'none' };
  auth: 'guid' | 'none';
  context: InterfaceContext;
  raw: RequestBody;
  answer: WireAnswer;
  wire: Retcode;
}

/**
 * A body or parameter the interface cannot take is `000-002`; a failure
 * nobody words, `100-007`. A GUID interface needs the GUID of the path's
 * agent: missing or unknown `100-006`, another agent's `000-003`.
 */
const interfaces = operationKind<CcgatewayTypes>({
  errors: RETCODE_TABLE,
  invalidInput: () => '000-002',
  unexpected: '100-007',
  async authorize(ctx, auth) {
    if (auth === 'none') return;
    const checked = await authenticateAgent(ctx.core, ctx.headers, ctx.agentId);
    if (!checked.ok) throw refuse(checked.error.retcode);
    ctx.auth = { guid: checked.guid, token: checked.token };
  },
});

export const defineInterface = interfaces.define;

export type Operation = KitOperation<CcgatewayTypes>;

/** A refusal an interface words itself. */
export const refuse = (retcode: Retcode): WireRefusal<Retcode> => new WireRefusal(retcode);

/** The input of an interface without a body: whatever body comes is ignored, unless it could not even be read. */
export const NO_BODY: InputCheck<RequestBody, Record<string, never>> = (raw) => (raw === null ? { ok: false, errors: [] } : { ok: true, value: {} });
