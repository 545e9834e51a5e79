/**
 * A call menu of VICIdial's (its IVR: a prompt and the keys' routes), kept
 * by id for the clients that pick one (an in-group's or DID's route to a
 * menu); the gateway lists them, its own voice menus are given per call.
 */
export interface CallMenu {
  id: string;
  name: string;
  /** The prompt played, as VICIdial names its audio (`sip-silence`). */
  prompt: string;
  /** The user group that owns it; `---ALL---` for every group. */
  userGroup: string;
}
