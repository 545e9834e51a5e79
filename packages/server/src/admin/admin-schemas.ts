import type { JSONSchemaType } from 'ajv';
import { adminError } from './admin-errors';
import type { JsonSchema } from './admin-route';

/** The login channels an admin login may name; `admin` by default (no dialect's idle rules apply). */
export const ADMIN_LOGIN_CHANNELS = ['admin', 'vicidial', 'voipsun', 'ccgateway', 'sipcall'] as const;

export interface AdminLoginBody {
  agentId: string;
  phone?: string;
  campaign?: string;
  queues?: string[];
  initialState?: 'ready' | 'paused';
  pauseReason?: string;
  conference?: string;
  connectPhone?: boolean;
  via?: (typeof ADMIN_LOGIN_CHANNELS)[number];
  replaceExisting?: boolean;
}

export interface AdminLogoutBody {
  whenInCall?: 'defer' | 'force' | 'refuse';
}

/** Agents, campaigns, queues …: the names the directory uses in paths and bodies. */
export const nameSchema = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.@-]+$' } as const;

export const loginSchema: JSONSchemaType<AdminLoginBody> = {
  type: 'object',
  additionalProperties: false,
  required: ['agentId'],
  properties: {
    agentId: nameSchema,
    phone: { type: 'string', nullable: true, minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9*#+_.-]+$' },
    campaign: { ...nameSchema, nullable: true },
    queues: { type: 'array', nullable: true, items: nameSchema, maxItems: 100, uniqueItems: true },
    initialState: { type: 'string', nullable: true, enum: ['ready', 'paused'] },
    pauseReason: { type: 'string', nullable: true, minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' },
    // VICIdial's checks want a conference number longer than 5 digits (spec §6).
    conference: { type: 'string', nullable: true, pattern: '^[0-9]{6,20}$' },
    connectPhone: { type: 'boolean', nullable: true },
    via: { type: 'string', nullable: true, enum: [...ADMIN_LOGIN_CHANNELS] },
    replaceExisting: { type: 'boolean', nullable: true },
  },
};

export const logoutSchema: JSONSchemaType<AdminLogoutBody> = {
  type: 'object',
  additionalProperties: false,
  properties: { whenInCall: { type: 'string', nullable: true, enum: ['defer', 'force', 'refuse'] } },
};

/** A path of one parameter. */
export const pathOf = (name: string, schema: JsonSchema = nameSchema): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  required: [name],
  properties: { [name]: schema },
});

/** Integer ids in paths (lists, leads, phones, CDRs). */
export const integerId = { type: 'integer', minimum: 1, maximum: 2147483647 } as const;

/** ISO 8601 date and time (`2026-12-06T10:00:00Z`, offset or `Z` required). */
export const dateTimeSchema = {
  type: 'string',
  format: 'date-time',
  pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2})$',
} as const;

/** A time the pattern let through that is still no date (month 13) is a bad request, not a failure. */
export function dateOf(field: string, text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw adminError('INVALID_REQUEST', 'the query is not valid', [`/${field} must be a date-time`]);
  return date;
}

/** The object schema's properties, as views and bodies spell them. */
export const objectSchema = (properties: Record<string, JsonSchema>, required: readonly string[] = Object.keys(properties)): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  required: [...required],
  properties,
});

export const text = { type: 'string' } as const;
export const nullableText = { type: ['string', 'null'] } as const;
export const integer = { type: 'integer' } as const;
export const nullableInteger = { type: ['integer', 'null'] } as const;
export const bool = { type: 'boolean' } as const;
export const nullableDateTime = { type: ['string', 'null'], format: 'date-time' } as const;
export const dateTime = { type: 'string', format: 'date-time' } as const;
export const textMap = { type: 'object', additionalProperties: { type: 'string' } } as const;
export const textList = { type: 'array', items: { type: 'string' } } as const;
