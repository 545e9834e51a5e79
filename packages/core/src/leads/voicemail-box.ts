/**
 * A voicemail box of VICIdial's (vicidial_voicemail): the box a DID, call
 * menu or agent may send callers to, listed to the admin screen's chooser.
 */
export interface VoicemailBox {
  id: string;
  fullName: string;
  email: string;
  active: boolean;
  /** The user group that owns it; `---ALL---` for every group. */
  userGroup: string;
}
