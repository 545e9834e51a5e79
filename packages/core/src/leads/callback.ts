/** `ACTIVE`: waiting for its time; `LIVE`: due, shown to its agent; `INACTIVE`: done or withdrawn. */
export type CallbackState = 'ACTIVE' | 'LIVE' | 'INACTIVE';

/** `USERONLY`: only the agent who scheduled it calls back; `ANYONE`: any agent of the campaign. */
export type CallbackRecipient = 'USERONLY' | 'ANYONE';

/** A lead to call again at a given time. */
export interface Callback {
  /** Assigned by the store, increasing. */
  id: number;
  leadId: number;
  listId: number;
  campaignId: string;
  state: CallbackState;
  /** The disposition given with it; the lead is held (CBHOLD) meanwhile. */
  status: string;
  callbackAt: Date;
  recipient: CallbackRecipient;
  /** The agent who scheduled it. */
  agentId: string;
  comments: string;
  createdAt: Date;
}

export type NewCallback = Omit<Callback, 'id'>;
