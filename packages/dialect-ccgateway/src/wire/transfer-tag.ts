/** The core's transfer tag of a success transfer: the agent is told it took (`AgentEvent_SuccTransResult`). */
export const SUCCESS_TRANSFER_TAG = 'ccgateway-success-transfer';
