import type { JSONSchemaType } from 'ajv';
import { DST_RANGES, FIELD_SHOW_HIDE, WEEKDAYS, type FieldShowHide, type Weekday } from '@pbx-gateway/core';

/**
 * The dialer part of a provisioning document: campaigns, their lists and
 * leads, lead statuses, do-not-call numbers, caller-id aliases, settings
 * containers, call menus, voicemail boxes, call times, and the phone and
 * postal codes numbers' time zones are looked up in.
 */
export interface DialerSections {
  campaigns?: CampaignEntry[];
  lists?: ListEntry[];
  leads?: LeadEntry[];
  statuses?: StatusEntry[];
  dnc?: DncEntry[];
  groupAliases?: GroupAliasEntry[];
  settingsContainers?: SettingsContainerEntry[];
  callMenus?: CallMenuEntry[];
  voicemailBoxes?: VoicemailBoxEntry[];
  phoneCodes?: PhoneCodeEntry[];
  postalCodes?: PostalCodeEntry[];
  callTimes?: CallTimeEntry[];
  stateCallTimes?: StateCallTimeEntry[];
  nanpaPrefixes?: NanpaPrefixEntry[];
}

export interface CampaignEntry {
  id: string;
  name?: string;
  active?: boolean;
  dialMethod?: string;
  allowInbound?: boolean;
  manualDialListId?: number | null;
  apiManualDial?: string;
  manualPreviewDial?: string;
  altNumberDialing?: boolean;
  agentLeadSearch?: string;
  defaultXferGroup?: string;
  parkExt?: string;
  campaignCid?: string;
  dialPrefix?: string;
  useOtherCampaignDnc?: string;
  settings?: Record<string, string>;
}

export interface ListEntry {
  id: number;
  name?: string;
  campaignId: string;
  active?: boolean;
  /** The list's own fields (VICIdial custom list fields), in the order defined; absent: those kept stay. */
  customFields?: CustomFieldEntry[];
}

export interface CustomFieldEntry {
  label: string;
  name?: string;
  type?: string;
  rank?: number;
  order?: number;
  size?: number;
  max?: number;
  default?: string;
  options?: string;
  required?: boolean;
  duplicate?: boolean;
  /** VICIdial's field_encrypt. */
  encrypt?: boolean;
  /** VICIdial's field_show_hide: how the values are hidden from users who may not see hidden fields. */
  showHide?: FieldShowHide;
}

/** VICIdial's custom field types. */
export const CUSTOM_FIELD_TYPES = ['TEXT', 'AREA', 'SELECT', 'MULTI', 'RADIO', 'CHECKBOX', 'DATE', 'TIME', 'DISPLAY', 'SCRIPT', 'HIDDEN', 'READONLY', 'HIDEBLOB', 'SWITCH', 'SOURCESELECT', 'BUTTON'] as const;

export interface LeadEntry {
  id: number;
  listId: number;
  phoneNumber: string;
  phoneCode?: string;
  status?: string;
  vendorLeadCode?: string;
  sourceId?: string;
  title?: string;
  firstName?: string;
  middleInitial?: string;
  lastName?: string;
  address1?: string;
  address2?: string;
  address3?: string;
  city?: string;
  state?: string;
  province?: string;
  postalCode?: string;
  countryCode?: string;
  gender?: 'U' | 'M' | 'F';
  dateOfBirth?: string;
  altPhone?: string;
  email?: string;
  securityPhrase?: string;
  comments?: string;
  rank?: number;
  owner?: string;
  /** Kept in the lead archive (VICIdial's `vicidial_list_archive`) rather than among the leads dialled. */
  archived?: boolean;
}

export interface StatusEntry {
  status: string;
  /** Absent: a system status. */
  campaignId?: string;
  name: string;
  selectable?: boolean;
  scheduledCallback?: boolean;
  humanAnswered?: boolean;
  sale?: boolean;
}

export interface GroupAliasEntry {
  id: string;
  callerIdNumber: string;
  callerIdName?: string;
  active?: boolean;
}

/** A settings container (VICIdial's): listed by type to the admin screen's choosers. */
export interface SettingsContainerEntry {
  id: string;
  type: string;
  notes?: string;
  /** Absent: `---ALL---`, every group. */
  userGroup?: string;
  content?: string;
}

/** A call menu (VICIdial's): listed to the admin screen's chooser. */
export interface CallMenuEntry {
  id: string;
  name?: string;
  prompt?: string;
  /** Absent: `---ALL---`, every group. */
  userGroup?: string;
}

/** A voicemail box (VICIdial's): listed to the admin screen's chooser. */
export interface VoicemailBoxEntry {
  id: string;
  fullName?: string;
  email?: string;
  active?: boolean;
  /** Absent: `---ALL---`, every group. */
  userGroup?: string;
}

/**
 * A phone code (VICIdial's vicidial_phone_codes row): the standard GMT
 * offset of a country's area code in a state, and its daylight-saving rule.
 */
export interface PhoneCodeEntry {
  countryCode: string;
  areaCode: string;
  state: string;
  /** Hours from GMT outside daylight saving (-5, 5.5). */
  gmtOffset: number;
  /** Absent: false. */
  dst?: boolean;
  /** The rule's code (SSM-FSN …); required when `dst`. */
  dstRange?: string;
  /** A time-zone code an owner field may name (EST …). */
  timeZoneCode?: string;
  country?: string;
  description?: string;
}

/** A postal code (VICIdial's vicidial_postal_codes row). */
export interface PostalCodeEntry {
  countryCode: string;
  postalCode: string;
  state?: string;
  gmtOffset: number;
  dst?: boolean;
  dstRange?: string;
  country?: string;
}

/** Local hours, `hhmm` from `start` (included) to `stop` (excluded). */
export interface CallHoursEntry {
  start: number;
  stop: number;
}

/** A call time (VICIdial's): default hours and, for the days that have them, their own. */
export interface CallTimeEntry {
  id: string;
  name?: string;
  defaultHours: CallHoursEntry;
  days?: Partial<Record<Weekday, CallHoursEntry>>;
  /** The state call times that apply, by id, in order (VICIdial's `ct_state_call_times`). */
  stateRules?: string[];
}

/** A state call time (VICIdial's): the hours a call time naming it keeps for one state's numbers. */
export interface StateCallTimeEntry {
  id: string;
  state: string;
  name?: string;
  defaultHours: CallHoursEntry;
  days?: Partial<Record<Weekday, CallHoursEntry>>;
}

/** A NANPA exchange (VICIdial's vicidial_nanpa_prefix_codes row). */
export interface NanpaPrefixEntry {
  areaCode: string;
  prefix: string;
  gmtOffset: number;
  dst?: boolean;
  type?: string;
  city?: string;
  state?: string;
}

export interface DncEntry {
  phoneNumber: string;
  /** Absent: the system list. */
  campaignId?: string;
}

const text = { type: 'string', nullable: true } as const;
const flag = { type: 'boolean', nullable: true } as const;
const campaignId = { type: 'string', pattern: '^[A-Za-z0-9_-]{2,8}$' } as const;
const status = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,6}$' } as const;
const listId = { type: 'integer', minimum: 1, maximum: 99999999999 } as const;
const phoneNumber = { type: 'string', pattern: '^[0-9]{2,18}$' } as const;
const bounded = (maxLength: number) => ({ type: 'string', nullable: true, maxLength }) as const;
/** The user group owning a provisioned object (container, call menu, voicemail box); absent: `---ALL---`. */
const countryCode = { type: 'string', pattern: '^[0-9]{1,4}$' } as const;
const regionCode = { type: 'string', pattern: '^[A-Za-z0-9]{1,4}$' } as const;
// Whole hours, or the half and three-quarter hours some zones keep (5.5, 5.75, -3.5).
const gmtOffset = { type: 'number', minimum: -12, maximum: 14, multipleOf: 0.25 } as const;
const dstRange = { type: 'string', nullable: true, enum: [...DST_RANGES, '', null] } as const;
const hhmm = { type: 'integer', minimum: 0, maximum: 2400 } as const;
const callHours = { type: 'object', additionalProperties: false, required: ['start', 'stop'], properties: { start: hhmm, stop: hhmm } } as const;
const callTimeId = { type: 'string', pattern: '^[A-Za-z0-9_-]{2,10}$' } as const;
const weekDays = Object.fromEntries(WEEKDAYS.map((day) => [day, { ...callHours, nullable: true }])) as Record<Weekday, typeof callHours & { nullable: true }>;
const ownerGroup = { type: 'string', nullable: true, pattern: '^[A-Za-z0-9_-]{1,20}$' } as const;

export const dialerSchemas: { [K in keyof Required<DialerSections>]: JSONSchemaType<Required<DialerSections>[K]> } = {
  campaigns: {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['id'],
      properties: {
        id: campaignId,
        name: text,
        active: flag,
        dialMethod: text,
        allowInbound: flag,
        manualDialListId: { ...listId, nullable: true },
        apiManualDial: { type: 'string', nullable: true, enum: ['STANDARD', 'QUEUE', 'QUEUE_AND_AUTOCALL'] },
        manualPreviewDial: { type: 'string', nullable: true, enum: ['DISABLED', 'PREVIEW_AND_SKIP', 'PREVIEW_ONLY'] },
        altNumberDialing: flag,
        agentLeadSearch: text,
        defaultXferGroup: text,
        parkExt: text,
        campaignCid: text,
        dialPrefix: text,
        useOtherCampaignDnc: { ...campaignId, nullable: true },
        settings: { type: 'object', nullable: true, additionalProperties: { type: 'string' }, required: [] },
      },
    },
  },
  lists: {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'campaignId'],
      properties: {
        id: listId,
        name: text,
        campaignId,
        active: flag,
        customFields: {
          type: 'array',
          nullable: true,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['label'],
            properties: {
              // VICIdial's field_label: a column name of the list's custom table.
              label: { type: 'string', pattern: '^[A-Za-z0-9_]{1,50}$' },
              name: bounded(5000),
              type: { type: 'string', nullable: true, enum: [...CUSTOM_FIELD_TYPES] },
              rank: { type: 'integer', nullable: true, minimum: 1, maximum: 9999 },
              order: { type: 'integer', nullable: true, minimum: 1, maximum: 9999 },
              size: { type: 'integer', nullable: true, minimum: 1, maximum: 9999 },
              max: { type: 'integer', nullable: true, minimum: 1, maximum: 65535 },
              default: bounded(255),
              options: text,
              required: flag,
              duplicate: flag,
              encrypt: flag,
              showHide: { type: 'string', nullable: true, enum: [...FIELD_SHOW_HIDE] },
            },
          },
        },
      },
    },
  },
  leads: {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'listId', 'phoneNumber'],
      properties: {
        id: { type: 'integer', minimum: 1 },
        listId,
        phoneNumber,
        phoneCode: bounded(10),
        status: { ...status, nullable: true },
        vendorLeadCode: bounded(20),
        sourceId: bounded(50),
        title: bounded(4),
        firstName: bounded(30),
        middleInitial: bounded(1),
        lastName: bounded(30),
        address1: bounded(100),
        address2: bounded(100),
        address3: bounded(100),
        city: bounded(50),
        state: bounded(2),
        province: bounded(50),
        postalCode: bounded(10),
        countryCode: bounded(3),
        gender: { type: 'string', nullable: true, enum: ['U', 'M', 'F'] },
        dateOfBirth: { type: 'string', nullable: true, pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' },
        altPhone: bounded(12),
        email: bounded(70),
        securityPhrase: bounded(100),
        comments: bounded(255),
        rank: { type: 'integer', nullable: true, minimum: -32768, maximum: 32767 },
        owner: bounded(20),
        archived: flag,
      },
    },
  },
  statuses: {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['status', 'name'],
      properties: {
        status,
        campaignId: { ...campaignId, nullable: true },
        name: { type: 'string', minLength: 1 },
        selectable: flag,
        scheduledCallback: flag,
        humanAnswered: flag,
        sale: flag,
      },
    },
  },
  groupAliases: {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'callerIdNumber'],
      properties: {
        id: { type: 'string', pattern: '^[A-Za-z0-9]{2,30}$' },
        callerIdNumber: { type: 'string', pattern: '^[0-9]{0,20}$' },
        callerIdName: bounded(30),
        active: flag,
      },
    },
  },
  settingsContainers: {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'type'],
      properties: {
        id: { type: 'string', pattern: '^[A-Za-z0-9_-]{2,40}$' },
        type: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,40}$' },
        notes: bounded(255),
        userGroup: ownerGroup,
        content: text,
      },
    },
  },
  callMenus: {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['id'],
      properties: {
        id: { type: 'string', pattern: '^[A-Za-z0-9_-]{2,50}$' },
        name: bounded(100),
        prompt: bounded(255),
        userGroup: ownerGroup,
      },
    },
  },
  voicemailBoxes: {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['id'],
      properties: {
        id: { type: 'string', pattern: '^[0-9A-Za-z]{2,10}$' },
        fullName: bounded(100),
        email: bounded(100),
        active: flag,
        userGroup: ownerGroup,
      },
    },
  },
  phoneCodes: {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['countryCode', 'areaCode', 'state', 'gmtOffset'],
      properties: {
        countryCode,
        areaCode: { type: 'string', pattern: '^[0-9]{1,6}$' },
        state: regionCode,
        gmtOffset,
        dst: flag,
        dstRange,
        timeZoneCode: { type: 'string', nullable: true, pattern: '^[A-Za-z0-9]{0,6}$' },
        country: { type: 'string', nullable: true, pattern: '^[A-Za-z]{0,3}$' },
        description: bounded(100),
      },
    },
  },
  postalCodes: {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['countryCode', 'postalCode', 'gmtOffset'],
      properties: {
        countryCode,
        postalCode: { type: 'string', pattern: '^[0-9A-Za-z]{1,10}$' },
        state: { ...regionCode, nullable: true },
        gmtOffset,
        dst: flag,
        dstRange,
        country: { type: 'string', nullable: true, pattern: '^[A-Za-z]{0,3}$' },
      },
    },
  },
  callTimes: {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'defaultHours'],
      properties: {
        id: callTimeId,
        name: bounded(30),
        defaultHours: callHours,
        days: {
          type: 'object',
          nullable: true,
          additionalProperties: false,
          required: [],
          properties: weekDays,
        },
        stateRules: { type: 'array', nullable: true, items: callTimeId },
      },
    },
  },
  stateCallTimes: {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'state', 'defaultHours'],
      properties: {
        id: callTimeId,
        state: regionCode,
        name: bounded(30),
        defaultHours: callHours,
        days: { type: 'object', nullable: true, additionalProperties: false, required: [], properties: weekDays },
      },
    },
  },
  nanpaPrefixes: {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['areaCode', 'prefix', 'gmtOffset'],
      properties: {
        areaCode: { type: 'string', pattern: '^[0-9]{3}$' },
        prefix: { type: 'string', pattern: '^[0-9]{3}$' },
        gmtOffset,
        dst: flag,
        type: { type: 'string', nullable: true, pattern: '^[A-Za-z]?$' },
        city: bounded(50),
        state: { ...regionCode, nullable: true },
      },
    },
  },
  dnc: {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['phoneNumber'],
      properties: { phoneNumber, campaignId: { ...campaignId, nullable: true } },
    },
  },
};
