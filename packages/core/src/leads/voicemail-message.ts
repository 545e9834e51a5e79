/**
 * The message a lead's voicemail drop leaves (VICIdial `vm_message`): audio
 * files played one after the other when the agent leaves the customer with
 * a message (transfer_conference LEAVE_VM), instead of the usual one.
 */
export interface VoicemailMessage {
  leadId: number;
  /** Audio-store file names, in playing order. */
  files: string[];
  /** The agent whose call set it. */
  setBy: string;
  setAt: Date;
}
