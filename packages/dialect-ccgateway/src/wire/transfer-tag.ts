/** The core's transfer tag of a success transfer: the agent is told it took (`AgentEvent_SuccTransResult`). */
export const SUCCESS_TRANSFER_TAG = 'ccgateway-success-transfer';

/** The core's transfer tag of `connecthold`: the held customer connected with the consulted party (`AgentEvent_Customer_Release`). */
export const CONNECT_HOLD_TAG = 'ccgateway-connect-hold';
