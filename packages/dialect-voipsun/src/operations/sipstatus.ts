import type { DeviceRegistration } from '@pbx-gateway/core';
import type { JSONSchemaType } from 'ajv';
import { defineOperation } from './operation';

/** sipstatus reads no parameter of its own. */
type SipStatusParams = Record<string, never>;

const schema: JSONSchemaType<SipStatusParams> = { type: 'object', additionalProperties: true, required: [] };

/** One entry of `results`, keys and types as the document shows them. */
interface SipPeer {
  id: number;
  type: 'extension_line' | 'sip';
  user: string;
  host: string;
  port: string;
  status: string;
  useragent: string;
  regcontact: string;
  registry: null;
  extension_line_id?: string;
  sip_id?: string;
}

/** chan_sip's words for a peer with no address: never registered, or its registration gone. */
const UNKNOWN_HOST = '(Unspecified)';
const UNKNOWN_PORT = '0';

/**
 * The peer's qualify state in chan_sip's words: `Unmonitored` when the engine
 * does not qualify it, `OK (N ms)` when it reaches it, `UNREACHABLE` when it
 * has an address but does not reach it, `UNKNOWN` with no address at all (or
 * no such device). N is the newest contact's round trip in whole
 * milliseconds, at least 1 (chan_sip truncated, and kept 0 for "unknown");
 * a plain `OK` when the engine has not told the round trip.
 */
function statusOf(device: DeviceRegistration): string {
  if (device.state === 'absent' || device.contacts.length === 0) return 'UNKNOWN';
  if (!device.qualified) return 'Unmonitored';
  if (device.state !== 'online') return 'UNREACHABLE';
  const usec = device.contacts[0]?.roundtripUsec;
  return usec === undefined ? 'OK' : `OK (${Math.max(1, Math.floor(usec / 1000))} ms)`;
}

/**
 * The document's peer ids are the line's or the trunk's id followed by a
 * digit for the kind (extension line 4 is peer 42, trunk 11 is peer 111).
 */
const PEER_KIND_DIGIT: Readonly<Record<DeviceRegistration['kind'], number>> = { extension: 2, trunk: 1 };

/**
 * `sipstatus`: every extension line (by id), then every trunk (by id), with
 * where the engine reaches it and whether it does. Unlike every other answer, `total` and `id`
 * are numbers, `success` is the boolean `true` followed by `"_debug":false`,
 * and slashes are escaped (`\/`), as the document's example is.
 */
export const sipstatus = defineOperation({
  name: 'sipstatus',
  action: 'sipstatus',
  auth: { permission: 'SIP status' },
  input: schema,
  run: ({ core }) => core.deviceRegistrations(),
  render: (registrations) => {
    const results = registrations.map(peerOf);
    return JSON.stringify({ total: results.length, results, success: true, _debug: false }).replace(/\//g, '\\/');
  },
});

/**
 * The device's newest contact: a registration gives where it came from, its
 * user agent and its contact URI; a configured address (a trunk's host) gives
 * host and port only, as chan_sip shows a peer with a fixed host.
 */
function peerOf(device: DeviceRegistration): SipPeer {
  const contact = device.contacts[0];
  const registered = contact?.origin === 'registered';
  const peer: SipPeer = {
    id: device.id * 10 + PEER_KIND_DIGIT[device.kind],
    type: device.kind === 'extension' ? 'extension_line' : 'sip',
    user: device.user,
    host: contact ? contact.host : UNKNOWN_HOST,
    port: contact ? String(contact.port) : UNKNOWN_PORT,
    status: statusOf(device),
    useragent: registered ? contact.userAgent : '',
    regcontact: registered ? contact.uri : '',
    registry: null,
  };
  if (device.kind === 'extension') peer.extension_line_id = String(device.id);
  else peer.sip_id = String(device.id);
  return peer;
}
