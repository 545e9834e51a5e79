/**
 * Interfaces by Huawei's own method names ("Method Name in Logs"), so that
 * the API log reads like the real gateway's.
 */
export type OperationName =
  | 'login'
  | 'forceLogin'
  | 'logout'
  | 'forceLogout'
  | 'getAgentEvent'
  | 'beginPlay'
  | 'stopPlay'
  | 'pausePlay'
  | 'resumePlay'
  | 'foreFastPlay'
  | 'backFastPlay'
  | 'sayBusy'
  | 'cancelBusy'
  | 'sayFree'
  | 'getAgentStatus';
