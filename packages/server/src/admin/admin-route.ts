import type { Logger } from 'pino';
import type { AdminScope, CallControl, DomainErrorCode, SecretHasher, Store } from '@pbx-gateway/core';
import type { AdminErrorCode } from './admin-errors';

/** Where the admin API answers; a new version gets a new prefix. */
export const ADMIN_API_PREFIX = '/admin/v1';

/** A JSON schema as ajv checks it and the OpenAPI document shows it (after `openApiSchema`). */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** What a route's handler may use; nothing else reaches the admin API. */
export interface AdminContext {
  core: CallControl;
  store: Store;
  hasher: SecretHasher;
  logger: Logger;
  /** The key webhook secrets are derived from (CALLBACK_SIGNING_KEY); without it no webhook can be subscribed. */
  callbackSigningKey?: string | null;
}

/** A request once its path, query and body have passed their schemas. */
export interface AdminInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

export interface AdminAnswer {
  status: number;
  body: unknown;
}

/**
 * One operation of the admin API, and the only description of it: the router
 * validates with these schemas and the OpenAPI document is written from them.
 */
export interface AdminRoute<P = unknown, Q = unknown, B = unknown> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI form, `{name}` for a path parameter (`/agents/{agentId}`). */
  path: string;
  operationId: string;
  summary: string;
  /** The resource the operation belongs to (OpenAPI tag). */
  tag: string;
  scope: AdminScope;
  /** An object schema of string properties, one per path parameter. */
  params?: JsonSchema;
  /** An object schema of the query parameters (values coerced to the schema's types). */
  query?: JsonSchema;
  /** The JSON body; `optional`: an empty body is `{}`. */
  body?: { schema: JsonSchema; presence: 'required' | 'optional' };
  /** `created`: the operation may also answer 201 with the same body, described so. */
  success: { status: number; description: string; schema: JsonSchema; created?: string };
  /** The refusals the operation may answer besides those every operation may (docs/admin-api.md). */
  refusals?: ReadonlyArray<AdminErrorCode | DomainErrorCode>;
  handle(ctx: AdminContext, input: AdminInput<P, Q, B>): Promise<AdminAnswer>;
}

/** Keeps a route's own types for its handler and erases them for the table. */
export const defineRoute = <P = Record<string, never>, Q = Record<string, never>, B = undefined>(route: AdminRoute<P, Q, B>): AdminRoute =>
  route as unknown as AdminRoute;
