/**
 * A named block of settings of one kind (VICIdial's settings containers:
 * its admin screen's choosers list them by type), kept for the clients that
 * pick one by id; the gateway does not read their content.
 */
export interface SettingsContainer {
  id: string;
  /** What the settings are for (`OTHER`, `AGENT_CALLBACK_REMINDER`, …): containers are listed by type. */
  type: string;
  notes: string;
  /** The user group that owns it; `---ALL---` for every group. */
  userGroup: string;
  content: string;
}
