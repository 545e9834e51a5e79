/**
 * A public number (DID) as VICIdial keeps it (vicidial_inbound_dids): the
 * number or pattern dialled, where its calls go (`route`) and the settings of
 * each route. The gateway carries out the IN_GROUP and AGENT routes
 * (queues/did-routing.ts); the other routes' settings are kept for the
 * clients that read them back.
 */
export interface Did {
  id: number;
  pattern: string;
  description: string;
  active: boolean;
  route: DidRouteKind;
  /** The in-group (queue) of the IN_GROUP route; null for none. */
  queueName: string | null;
  extension: string;
  extenContext: string;
  voicemailExt: string;
  phone: string;
  serverIp: string;
  menuId: string;
  filterCleanCidNumber: string;
  callHandleMethod: string;
  agentSearchMethod: string;
  listId: string;
  entryListId: string;
  campaignId: string;
  phoneCode: string;
  recordCall: string;
  /** The user group that owns it; `---ALL---` for every group. */
  userGroup: string;
  /** The agent of the AGENT route (VICIdial's `user`); empty for none. */
  agentUser: string;
  /** Where the AGENT route sends a call while its agent is not signed in (`user_unavailable_action`). */
  agentUnavailableAction: DidAgentUnavailableAction;
  /** The queue whose settings a call to the agent waits under (`user_route_settings_ingroup`). */
  agentRouteQueue: string;
}

/** Where VICIdial's AGENT route sends a call while its agent is not signed in. */
export const DID_AGENT_UNAVAILABLE_ACTIONS = ['IN_GROUP', 'EXTEN', 'VOICEMAIL', 'PHONE'] as const;
export type DidAgentUnavailableAction = (typeof DID_AGENT_UNAVAILABLE_ACTIONS)[number];

/** The routes VICIdial's DIDs take. */
export const DID_ROUTE_KINDS = ['EXTEN', 'VOICEMAIL', 'AGENT', 'PHONE', 'IN_GROUP', 'CALLMENU', 'VMAIL_NO_INST'] as const;
export type DidRouteKind = (typeof DID_ROUTE_KINDS)[number];

export const isDidRouteKind = (value: string): value is DidRouteKind => (DID_ROUTE_KINDS as readonly string[]).includes(value);

export type NewDid = Omit<Did, 'id'>;
export type DidChanges = Partial<Omit<Did, 'id' | 'pattern'>>;

/** A new DID with the values VICIdial's table gives the columns not set. */
export function newDid(pattern: string, values: DidChanges = {}): NewDid {
  return {
    pattern,
    description: '',
    active: true,
    route: 'EXTEN',
    queueName: null,
    extension: '9998811112',
    extenContext: 'default',
    voicemailExt: '',
    phone: '',
    serverIp: '',
    menuId: '',
    filterCleanCidNumber: '',
    callHandleMethod: 'CID',
    agentSearchMethod: 'LB',
    listId: '999',
    entryListId: '0',
    campaignId: '',
    phoneCode: '1',
    recordCall: 'N',
    userGroup: '---ALL---',
    agentUser: '',
    agentUnavailableAction: 'VOICEMAIL',
    agentRouteQueue: 'AGENTDIRECT',
    ...values,
  };
}

/** A call that reached a DID, as VICIdial logs it (vicidial_did_log). */
export interface DidLogEntry {
  callId: string;
  /** The number dialled (VICIdial's `extension`). */
  did: string;
  didId: number | null;
  route: string;
  callerIdNumber: string;
  callerIdName: string;
  calledAt: Date;
}

export interface DidLogSearch {
  did: string;
  from: Date;
  to: Date;
}

export interface DidRepository {
  get(pattern: string): Promise<Did | null>;
  /** Every DID, by id. */
  list(): Promise<Did[]>;
  /** The new DID; null when the pattern is taken (nothing changes). */
  insert(did: NewDid): Promise<Did | null>;
  /** Creates or replaces by pattern (provisioning). */
  upsert(did: NewDid): Promise<void>;
  /** The DID as changed; null when there is none. */
  update(pattern: string, changes: DidChanges): Promise<Did | null>;
  /** The DID removed; null when there was none. Its log stays. */
  remove(pattern: string): Promise<Did | null>;
  appendLog(entry: DidLogEntry): Promise<void>;
  /** The calls to the number within the period, oldest first. */
  findLog(search: DidLogSearch, limit: number): Promise<DidLogEntry[]>;
}
