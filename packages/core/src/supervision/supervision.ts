import type { Call } from '../calls/call';
import type { SupervisionMode } from '../calls/call-progress';
import type { ExtensionSelector } from '../directory/extension-lookup';
import type { JsonObject } from '../kernel/json';
import type { SnoopDirection } from '../ports/pbx';

/**
 * The call a supervisor joins: one of its legs, by the engine's channel name,
 * by the extension it runs over, or the agent's phone in its session
 * conference (which hears everything said in the conference).
 */
export type SupervisedParty =
  | { kind: 'channel'; channelName: string }
  | { kind: 'extension'; selector: ExtensionSelector; dialplan: string | null }
  /** The signed-in agent's leg of its current call. */
  | { kind: 'agent'; agentId: string }
  /** The agent's phone leg in its conference, whatever call it is on (VICIdial blind_monitor). */
  | { kind: 'agent_conference'; agentId: string };

/**
 * The supervisor's phone: an extension, or a signed-in agent's session phone.
 * An agent supervising is in a call for as long as the supervision lasts, and
 * its phone's ringing, answer and release are told as its own.
 */
export type SupervisorPhone = { selector: ExtensionSelector; dialplan: string | null } | { agentId: string };

export interface SupervisionRequest {
  /** The supervisor's phone, rung first. */
  supervisor: SupervisorPhone;
  supervised: SupervisedParty;
  mode: SupervisionMode;
  /** What the supervisor's phone shows while it rings. */
  callerId: { number: string; name: string };
  /** How long the supervisor's phone may ring; null: the gateway's setting. */
  ringSec: number | null;
  /** Client data kept with the call and its CDR. */
  data: JsonObject;
  origin: Call['origin'];
}

/**
 * What the supervisor hears and where its voice goes, by mode. Listening hears
 * both sides and says nothing; whispering speaks to the supervised party
 * alone (the audio its channel sends out to its phone); barging speaks to both
 * sides (into what the channel receives too, which its call's bridge carries
 * to the other party).
 */
export const SNOOP_OF_MODE: Readonly<Record<SupervisionMode, { spy: SnoopDirection; whisper: SnoopDirection }>> = {
  listen: { spy: 'both', whisper: 'none' },
  whisper: { spy: 'both', whisper: 'out' },
  barge: { spy: 'both', whisper: 'both' },
};
