import Ajv, { type JSONSchemaType } from 'ajv';
import { ADMIN_SCOPES, DID_AGENT_UNAVAILABLE_ACTIONS, type AdminScope, type DidAgentUnavailableAction, type ApiRealm, type LoginChannel } from '@pbx-gateway/core';
import { dialerSchemas, type DialerSections } from './dialer-sections';

/**
 * What an operator provisions: API accounts, agents, extensions and their
 * groups, trunks, queues and the public numbers (DIDs) routed to them, the
 * dialer's campaigns, lists, leads, statuses and do-not-call numbers, and
 * agents to log in when the gateway starts.
 * Secrets are given in clear in the file and stored only as hashes.
 */
export interface ProvisioningDocument extends DialerSections {
  apiUsers?: ApiUserEntry[];
  userGroups?: UserGroupEntry[];
  agents?: AgentEntry[];
  extensions?: ExtensionEntry[];
  extensionGroups?: ExtensionGroupEntry[];
  phones?: PhoneEntry[];
  phoneAliases?: PhoneAliasEntry[];
  trunks?: TrunkEntry[];
  queues?: QueueEntry[];
  didRoutes?: DidRouteEntry[];
  sessions?: SessionEntry[];
  adminKeys?: AdminKeyEntry[];
}

/** An operator's key for the admin API, given by its SHA-256 so that the file need not hold the key. */
export interface AdminKeyEntry {
  name: string;
  keySha256: string;
  scopes: AdminScope[];
}

export interface ApiUserEntry {
  realm: ApiRealm;
  login: string;
  secret: string;
  active?: boolean;
  permissions?: string[];
  attributes?: Record<string, string>;
}

export interface UserGroupEntry {
  id: string;
  name?: string;
  /** Campaigns its members may work with; absent: every campaign. */
  allowedCampaigns?: string[];
  /** Groups whose users its members may see; absent: every group. */
  viewableGroups?: string[];
  /** Addresses its members' API calls may come from; absent or empty: any. */
  apiAllowedIps?: string[];
}

export interface AgentEntry {
  id: string;
  name?: string;
  /** The agent's own password or PIN; omit for an agent without one. */
  secret?: string;
  device?: string;
  active?: boolean;
  /** The agent's id in a CRM (VICIdial `alt_user`); `attributes.custom_three` is read as one too. */
  externalId?: string;
  attributes?: Record<string, string>;
}

export interface ExtensionEntry {
  id: number;
  internalNumber: string;
  publicNumber?: string;
  sipUsername: string;
  dialplan?: string;
  endpoint?: string;
  callerIdNumber?: string;
  callerIdName?: string;
  recordCalls?: boolean;
}

export interface ExtensionGroupEntry {
  name: string;
  tenant?: string;
  extensions: number[];
  ringTimeoutSec?: number;
}

/** A phone (VICIdial's): a SIP phone becomes a device of the engine when the gateway connects to it. */
export interface PhoneEntry {
  extension: string;
  /** The server it is on: the gateway's own (`SERVER_IP`) for a phone of its engine. */
  serverIp: string;
  dialplanNumber?: string;
  voicemailId?: string;
  login: string;
  pass: string;
  protocol?: string;
  registrationPassword: string;
  fullName?: string;
  email?: string;
  context?: string;
  outboundCid?: string;
  active?: boolean;
  userGroup?: string;
  attributes?: Record<string, string>;
}

export interface PhoneAliasEntry {
  id: string;
  name: string;
  logins: string[];
}

export interface TrunkEntry {
  id: number;
  name: string;
  dialTemplate: string;
  callerIdPool?: string[];
}

export interface QueueEntry {
  name: string;
  strategy?: string;
  active?: boolean;
  mohClass?: string;
  maxWaitSec?: number;
  members?: QueueMemberEntry[];
}

export interface QueueMemberEntry {
  agentId: string;
  penalty?: number;
  weight?: number;
  grade?: number;
  dailyLimit?: number;
}

/** A public number whose calls enter a queue. */
/**
 * A public number and where its calls go: the queue (VICIdial's IN_GROUP
 * route), or with `agent` that one agent (the AGENT route), waiting under
 * the settings of `agentQueue` (AGENTDIRECT unless given); while the agent
 * is not signed in, `whenAgentUnavailable` (VOICEMAIL unless given) and,
 * for IN_GROUP, `queue`.
 */
export interface DidRouteEntry {
  did: string;
  queue?: string;
  agent?: string;
  agentQueue?: string;
  whenAgentUnavailable?: DidAgentUnavailableAction;
}

export interface SessionEntry {
  agentId: string;
  via: LoginChannel;
  phoneNumber?: string;
  conferenceNumber?: string;
  connectPhone?: boolean;
  campaignId?: string;
  initialState?: 'ready' | 'paused';
  /** Queues (in-groups) the session serves, joined for the session. */
  queues?: string[];
  /** Takes outbound calls as well as inbound ones (default true). */
  blended?: boolean;
}

const stringMap = { type: 'object', additionalProperties: { type: 'string' }, required: [] } as const;
const id = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,32}$' } as const;

/** The document's schema; the admin API takes each section's entries with the same one. */
export const provisioningDocumentSchema: JSONSchemaType<ProvisioningDocument> = {
  type: 'object',
  additionalProperties: false,
  properties: {
    apiUsers: {
      type: 'array',
      nullable: true,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['realm', 'login', 'secret'],
        properties: {
          realm: { type: 'string', enum: ['vicidial', 'voipsun', 'sipcall'] },
          login: { type: 'string', minLength: 1, maxLength: 100 },
          secret: { type: 'string', maxLength: 200 },
          active: { type: 'boolean', nullable: true },
          permissions: { type: 'array', nullable: true, items: { type: 'string' } },
          attributes: { ...stringMap, nullable: true },
        },
      },
    },
    userGroups: {
      type: 'array',
      nullable: true,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id'],
        properties: {
          id: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,20}$' },
          name: { type: 'string', nullable: true, maxLength: 40 },
          allowedCampaigns: { type: 'array', nullable: true, items: { type: 'string', minLength: 1 } },
          viewableGroups: { type: 'array', nullable: true, items: { type: 'string', minLength: 1 } },
          apiAllowedIps: { type: 'array', nullable: true, items: { type: 'string', minLength: 1 } },
        },
      },
    },
    agents: {
      type: 'array',
      nullable: true,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id'],
        properties: {
          id,
          name: { type: 'string', nullable: true },
          secret: { type: 'string', nullable: true, maxLength: 200 },
          device: { type: 'string', nullable: true },
          active: { type: 'boolean', nullable: true },
          externalId: { type: 'string', nullable: true, minLength: 1, maxLength: 100 },
          attributes: { ...stringMap, nullable: true },
        },
      },
    },
    extensions: {
      type: 'array',
      nullable: true,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'internalNumber', 'sipUsername'],
        properties: {
          id: { type: 'integer', minimum: 1 },
          internalNumber: { type: 'string', minLength: 1 },
          publicNumber: { type: 'string', nullable: true },
          sipUsername: { type: 'string', minLength: 1 },
          dialplan: { type: 'string', nullable: true },
          endpoint: { type: 'string', nullable: true },
          callerIdNumber: { type: 'string', nullable: true },
          callerIdName: { type: 'string', nullable: true },
          recordCalls: { type: 'boolean', nullable: true },
        },
      },
    },
    phones: {
      type: 'array',
      nullable: true,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['extension', 'serverIp', 'login', 'pass', 'registrationPassword'],
        properties: {
          extension: { type: 'string', pattern: '^[-_0-9A-Za-z]{2,100}$' },
          serverIp: { type: 'string', minLength: 1 },
          dialplanNumber: { type: 'string', nullable: true },
          voicemailId: { type: 'string', nullable: true },
          login: { type: 'string', minLength: 1 },
          pass: { type: 'string', minLength: 1 },
          protocol: { type: 'string', enum: ['SIP', 'IAX2', 'Zap', 'EXTERNAL'], nullable: true },
          registrationPassword: { type: 'string' },
          fullName: { type: 'string', nullable: true },
          email: { type: 'string', nullable: true },
          context: { type: 'string', nullable: true },
          outboundCid: { type: 'string', nullable: true },
          active: { type: 'boolean', nullable: true },
          userGroup: { type: 'string', nullable: true },
          attributes: { type: 'object', additionalProperties: { type: 'string' }, required: [], nullable: true },
        },
      },
    },
    phoneAliases: {
      type: 'array',
      nullable: true,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'logins'],
        properties: {
          id: { type: 'string', minLength: 2 },
          name: { type: 'string', minLength: 1 },
          logins: { type: 'array', items: { type: 'string' }, minItems: 1 },
        },
      },
    },
    extensionGroups: {
      type: 'array',
      nullable: true,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'extensions'],
        properties: {
          name: { type: 'string', minLength: 1 },
          tenant: { type: 'string', nullable: true },
          extensions: { type: 'array', items: { type: 'integer' } },
          ringTimeoutSec: { type: 'integer', minimum: 1, nullable: true },
        },
      },
    },
    trunks: {
      type: 'array',
      nullable: true,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'dialTemplate'],
        properties: {
          id: { type: 'integer', minimum: 1 },
          name: { type: 'string', minLength: 1 },
          dialTemplate: { type: 'string', pattern: '\\{number\\}' },
          callerIdPool: { type: 'array', nullable: true, items: { type: 'string' } },
        },
      },
    },
    queues: {
      type: 'array',
      nullable: true,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
          name: { type: 'string', minLength: 1 },
          strategy: { type: 'string', nullable: true },
          active: { type: 'boolean', nullable: true },
          mohClass: { type: 'string', minLength: 1, nullable: true },
          maxWaitSec: { type: 'integer', minimum: 1, nullable: true },
          members: {
            type: 'array',
            nullable: true,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['agentId'],
              properties: {
                agentId: id,
                penalty: { type: 'integer', nullable: true },
                weight: { type: 'integer', nullable: true },
                grade: { type: 'integer', minimum: 0, nullable: true },
                dailyLimit: { type: 'integer', minimum: 0, nullable: true },
              },
            },
          },
        },
      },
    },
    didRoutes: {
      type: 'array',
      nullable: true,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['did'],
        properties: {
          did: { type: 'string', pattern: '^[0-9+*#]{1,32}$' },
          queue: { type: 'string', minLength: 1, nullable: true },
          agent: { type: 'string', minLength: 1, nullable: true },
          agentQueue: { type: 'string', minLength: 1, nullable: true },
          whenAgentUnavailable: { type: 'string', enum: [...DID_AGENT_UNAVAILABLE_ACTIONS], nullable: true },
        },
      },
    },
    campaigns: { ...dialerSchemas.campaigns, nullable: true },
    lists: { ...dialerSchemas.lists, nullable: true },
    leads: { ...dialerSchemas.leads, nullable: true },
    statuses: { ...dialerSchemas.statuses, nullable: true },
    dnc: { ...dialerSchemas.dnc, nullable: true },
    groupAliases: { ...dialerSchemas.groupAliases, nullable: true },
    settingsContainers: { ...dialerSchemas.settingsContainers, nullable: true },
    callMenus: { ...dialerSchemas.callMenus, nullable: true },
    voicemailBoxes: { ...dialerSchemas.voicemailBoxes, nullable: true },
    phoneCodes: { ...dialerSchemas.phoneCodes, nullable: true },
    postalCodes: { ...dialerSchemas.postalCodes, nullable: true },
    callTimes: { ...dialerSchemas.callTimes, nullable: true },
    stateCallTimes: { ...dialerSchemas.stateCallTimes, nullable: true },
    nanpaPrefixes: { ...dialerSchemas.nanpaPrefixes, nullable: true },
    adminKeys: {
      type: 'array',
      nullable: true,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'keySha256', 'scopes'],
        properties: {
          name: { type: 'string', pattern: '^[A-Za-z0-9_.@-]{1,64}$' },
          keySha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
          scopes: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', enum: [...ADMIN_SCOPES] } },
        },
      },
    },
    sessions: {
      type: 'array',
      nullable: true,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['agentId', 'via'],
        properties: {
          agentId: id,
          via: { type: 'string', enum: ['vicidial', 'voipsun', 'ccgateway', 'sipcall', 'provisioning'] },
          phoneNumber: { type: 'string', nullable: true },
          conferenceNumber: { type: 'string', nullable: true },
          connectPhone: { type: 'boolean', nullable: true },
          campaignId: { type: 'string', nullable: true },
          initialState: { type: 'string', enum: ['ready', 'paused'], nullable: true },
          queues: { type: 'array', nullable: true, items: { type: 'string', minLength: 1 } },
          blended: { type: 'boolean', nullable: true },
        },
      },
    },
  },
};

const validate = new Ajv({ allErrors: true }).compile(provisioningDocumentSchema);

export class ProvisioningError extends Error {}

export function checkProvisioningDocument(input: unknown): ProvisioningDocument {
  const document = input ?? {};
  if (!validate(document)) {
    const problems = (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'invalid'}`);
    throw new ProvisioningError(`invalid provisioning document: ${problems.join('; ')}`);
  }
  return document;
}

/** One entry of a section of the document, as its schema has it. */
export function provisioningEntrySchema(section: keyof ProvisioningDocument): Readonly<Record<string, unknown>> {
  const property = (provisioningDocumentSchema.properties as Record<string, { items: Readonly<Record<string, unknown>> }>)[section]!;
  return property.items;
}
