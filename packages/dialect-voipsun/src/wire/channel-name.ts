/**
 * Channel names between the wire and the engine. The gateway runs on PJSIP;
 * clients written against chan_sip know `SIP/...` names, and VoIPSUN's own
 * hang-up example writes the separator as a backslash (`SIP\5555-0000b704`).
 */

/** The engine's name as `listcalls` shows it. */
export function toWireChannelName(engineName: string, prefix: 'PJSIP' | 'SIP'): string {
  return prefix === 'SIP' && engineName.startsWith('PJSIP/') ? `SIP/${engineName.slice('PJSIP/'.length)}` : engineName;
}

/**
 * A name a client sent, as the engine knows it. `SIP/` is always read as
 * `PJSIP/`: Asterisk 22 has no chan_sip, so no `SIP/` channel can exist.
 */
export function toEngineChannelName(wireName: string): string {
  const slashed = wireName.replace(/\\/g, '/');
  return slashed.startsWith('SIP/') ? `PJSIP/${slashed.slice('SIP/'.length)}` : slashed;
}
