/** The vendor's extension status codes (its global code table) and call status codes (GetSipCallStatus). */
export const EXTENSION_CODES = {
  notFound: 1012,
  notRegistered: 1014,
  enabled: 1016,
  registered: 1017,
} as const;

export const CALL_STATUS = {
  offline: 1200,
  idle: 1201,
  ringing: 1202,
  offHook: 1203,
  inCall: 1204,
} as const;
