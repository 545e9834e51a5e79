import type { AdminRoute, JsonSchema } from './admin-route';
import { statusOfCode, type AdminErrorCode } from './admin-errors';
import type { DomainErrorCode } from '@pbx-gateway/core';

/** Refusals any operation may answer: a bad request, no key, a key without the scope, a failure. */
const EVERY_OPERATION: ReadonlyArray<AdminErrorCode> = ['INVALID_REQUEST', 'UNAUTHORIZED', 'FORBIDDEN', 'ADMIN_API_DISABLED', 'INTERNAL_ERROR'];

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Content',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

const errorSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      additionalProperties: false,
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', description: 'stable; the table of docs/admin-api.md' },
        message: { type: 'string', description: 'for people' },
        details: { type: 'array', items: { type: 'string' }, description: 'one `<field> <problem>` line per problem of an invalid request' },
      },
    },
  },
};

/**
 * The OpenAPI 3.1 description of the admin API, written from its route table:
 * the schemas shown are those the router validates with.
 */
export function openApiDocument(routes: readonly AdminRoute[], info: { version: string; prefix: string }): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const item = (paths[route.path] ??= {});
    item[route.method] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'pbx-gateway admin API',
      version: info.version,
      description: 'The gateway\'s own administration (docs/admin-api.md). Every operation needs `Authorization: Bearer <key>` with the scope it names.',
    },
    servers: [{ url: info.prefix }],
    security: [{ adminKey: [] }],
    tags: [...new Set(routes.map((route) => route.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: { adminKey: { type: 'http', scheme: 'bearer', description: 'an admin key: ADMIN_API_KEY (every scope) or a scoped key' } },
      schemas: { Error: errorSchema },
    },
  };
}

function operation(route: AdminRoute): Record<string, unknown> {
  const parameters = [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query')];
  const responses: Record<string, unknown> = {
    [String(route.success.status)]: { description: route.success.description, content: { 'application/json': { schema: openApiSchema(route.success.schema) } } },
  };
  if (route.success.created) {
    responses['201'] = { description: route.success.created, content: { 'application/json': { schema: openApiSchema(route.success.schema) } } };
  }
  const codes = new Map<number, string[]>();
  for (const code of [...EVERY_OPERATION, ...(route.refusals ?? [])] as Array<AdminErrorCode | DomainErrorCode>) {
    const status = statusOfCode(code);
    codes.set(status, [...(codes.get(status) ?? []), code]);
  }
  for (const [status, list] of [...codes].sort(([a], [b]) => a - b)) {
    responses[String(status)] = {
      description: `${STATUS_TEXT[status] ?? 'Error'}: ${[...new Set(list)].join(', ')}`,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  return {
    operationId: route.operationId,
    summary: route.summary,
    description: `Scope: \`${route.scope}\`.`,
    tags: [route.tag],
    'x-scope': route.scope,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body
      ? { requestBody: { required: route.body.presence === 'required', content: { 'application/json': { schema: openApiSchema(route.body.schema) } } } }
      : {}),
    responses,
  };
}

function parametersOf(schema: JsonSchema | undefined, where: 'path' | 'query'): unknown[] {
  if (!schema) return [];
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: openApiSchema(rest),
    };
  });
}

/**
 * ajv's `nullable: true` (what its typed schemas need for optional fields)
 * as JSON Schema 2020-12, which OpenAPI 3.1 uses: `null` among the types.
 */
export function openApiSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(openApiSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  const { nullable, ...rest } = schema as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    out[key] = key === 'properties' || key === 'patternProperties' ? mapValues(value as Record<string, unknown>) : openApiSchema(value);
  }
  if (nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
  }
  return out;
}

const mapValues = (properties: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(properties).map(([name, value]) => [name, openApiSchema(value)]));
