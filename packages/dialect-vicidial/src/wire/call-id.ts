/**
 * A call as VICIdial's lines name it. The value filter keeps `-|_0-9a-zA-Z`,
 * so the core's id (`agent-1000.<uuid>`) is shown with its owner's dot as an
 * underscore, and read back by turning the last underscore into the dot
 * again (generated ids have none of their own).
 */
export const wireCallId = (callId: string): string => callId.replace('.', '_');

export function callIdOfWire(wire: string): string {
  const at = wire.lastIndexOf('_');
  return at === -1 ? wire : `${wire.slice(0, at)}.${wire.slice(at + 1)}`;
}
