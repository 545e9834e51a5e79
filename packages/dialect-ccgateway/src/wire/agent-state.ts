/**
 * Huawei busy reasons (0 none, 1–7 platform causes, 200–250 custom) are kept
 * in the shared agent model as the pause reason `busy:<reason>`.
 */
export const busyPauseReason = (reason: number): string => `busy:${reason}`;

/** The reason number of a pause reason, as `AgentState_SetNotReady_Success` reports it ("0" when none). */
export function busyReasonOf(pauseReason: string | null): string {
  const match = /^busy:([0-9]{1,3})$/.exec(pauseReason ?? '');
  return match ? match[1]! : '0';
}

/** Huawei rest causes (0 none, 1–255) are kept in the shared agent model as the pause reason `rest:<cause>`. */
export const restPauseReason = (cause: number): string => `rest:${cause}`;

/** Whether a pause is a Huawei rest (any other pause, a VICIdial one included, is busy). */
export const isRestPause = (pauseReason: string | null | undefined): boolean => /^rest:[0-9]{1,3}$/.test(pauseReason ?? '');
