/**
 * Which channels the core hears about.
 *
 * An originate into the application subscribes it to more than the leg it
 * asked for: for a `Local/...` endpoint Asterisk creates a pair, the `;1`
 * half is the leg (it enters Stasis, it carries our channelId) and the `;2`
 * half runs the dialplan, yet the application receives the `;2` half's
 * events too (its dialplan steps, its DTMF, its own ChannelDestroyed). A
 * bridge playback or recording adds an `Announcer/` or `Recorder/` channel.
 * None of these are legs of a call; reporting them would make the core see
 * phantom legs ending or pressing keys.
 *
 * A `;2` half that itself enters Stasis (a dialplan that sends it to the
 * application) is a leg like any other, hence `inStasis`.
 */
export function isHelperChannel(channelName: string, inStasis: boolean): boolean {
  if (channelName.startsWith('Announcer/') || channelName.startsWith('Recorder/')) return true;
  return !inStasis && isLocalSecondHalf(channelName);
}

export const isLocalSecondHalf = (channelName: string): boolean =>
  channelName.startsWith('Local/') && channelName.endsWith(';2');

/**
 * A snoop channel is in the application only while in Stasis, whoever
 * created it: after its StasisEnd (its target went, or it was hung up)
 * nothing more about it arrives, not even its ChannelDestroyed.
 */
export const isSnoopChannel = (channelName: string): boolean => channelName.startsWith('Snoop/');
