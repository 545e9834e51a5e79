/**
 * A call time whose two hours lie at least three hours from the moment the
 * test file is loaded (UTC, the time of a lead at offset 0.00), without
 * crossing midnight: before noon it starts three hours later, from noon on
 * it ends three hours earlier. No installed call time serves every hour of
 * the day (between 16:55 and 17:00 each of them takes in now or five
 * minutes later), so the tests that need a list outside its call time
 * provision this one.
 */
function hoursAwayFromNow(): { start: number; stop: number } {
  const now = new Date();
  const minutes = now.getUTCHours() * 60 + now.getUTCMinutes();
  const startMinutes = minutes < 12 * 60 ? minutes + 3 * 60 : minutes - 5 * 60;
  const hhmm = (total: number) => Math.floor(total / 60) * 100 + (total % 60);
  return { start: hhmm(startMinutes), stop: hhmm(startMinutes + 2 * 60) };
}

/** Provisioned by NON_AGENT_PROVISIONING: excludes now and the next three hours. */
export const CALL_TIME_EXCLUDING_NOW = { id: 'notnow', name: 'two hours away from now', defaultHours: hoursAwayFromNow() };
