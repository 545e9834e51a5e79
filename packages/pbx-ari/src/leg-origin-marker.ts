/**
 * How a leg that entered the application tells whether the gateway dialled it.
 *
 * Every originate passes this word as the Stasis application argument, and
 * Asterisk hands the arguments back in the leg's StasisStart. The marker
 * travels with the channel itself, so a gateway that restarted while a leg
 * was ringing still recognises the answer as one of its own, which an
 * in-memory list of originated ids could not do.
 */
export const ORIGINATED_LEG_MARKER = 'pbx-gateway-originated';

/** The `appArgs` of an originate (comma-separated when Asterisk splits it). */
export const originatedLegAppArgs = (): string => ORIGINATED_LEG_MARKER;

export const isOriginatedLeg = (stasisArgs: readonly string[]): boolean => stasisArgs[0] === ORIGINATED_LEG_MARKER;
