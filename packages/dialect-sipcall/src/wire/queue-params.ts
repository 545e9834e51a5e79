/** A queue's name as the core keeps it (VICIdial in-group ids, VoIPSUN queue names). */
export const QUEUENAME = { type: 'string', maxLength: 64, pattern: '^[0-9A-Za-z_.@-]+$' } as const;
