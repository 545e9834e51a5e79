import type { JSONSchemaType } from 'ajv';
import { compileSchema, createSchemaValidator } from '@pbx-gateway/dialect-kit';

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

const name = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.@-]+$' } as const;

const loginSchema: JSONSchemaType<AdminLoginBody> = {
  type: 'object',
  additionalProperties: false,
  required: ['agentId'],
  properties: {
    agentId: name,
    phone: { type: 'string', nullable: true, minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9*#+_.-]+$' },
    campaign: { ...name, nullable: true },
    queues: { type: 'array', nullable: true, items: name, maxItems: 100, uniqueItems: true },
    initialState: { type: 'string', nullable: true, enum: ['ready', 'paused'] },
    pauseReason: { type: 'string', nullable: true, minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' },
    // VICIdial's checks want a conference number longer than 5 digits (spec §6).
    conference: { type: 'string', nullable: true, pattern: '^[0-9]{6,20}$' },
    connectPhone: { type: 'boolean', nullable: true },
    via: { type: 'string', nullable: true, enum: [...ADMIN_LOGIN_CHANNELS] },
    replaceExisting: { type: 'boolean', nullable: true },
  },
};

const logoutSchema: JSONSchemaType<AdminLogoutBody> = {
  type: 'object',
  additionalProperties: false,
  properties: { whenInCall: { type: 'string', nullable: true, enum: ['defer', 'force', 'refuse'] } },
};

const ajv = createSchemaValidator();
export const validateLogin = compileSchema(ajv, loginSchema);
export const validateLogout = compileSchema(ajv, logoutSchema);
/** Path parameters name agents as bodies do. */
export const validAgentId = (id: string): boolean => new RegExp(name.pattern).test(id) && id.length <= name.maxLength;
