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

/**
 * What the engine tells of a device's registration. ARI says whether an
 * endpoint is online, not where it registered from nor its round-trip time,
 * so the address is chan_sip's "not registered" placeholder and a reachable
 * device is `OK` without a time.
 */
const UNKNOWN_HOST = '(Unspecified)';
const UNKNOWN_PORT = '0';
const STATUS: Readonly<Record<DeviceRegistration['state'], string>> = { online: 'OK', offline: 'UNKNOWN', absent: 'UNKNOWN' };

/**
 * The document's peer ids are the line's or the trunk's id followed by a
 * digit for the kind (extension line 4 is peer 42, trunk 11 is peer 111).
 */
const PEER_KIND_DIGIT: Readonly<Record<DeviceRegistration['kind'], number>> = { extension: 2, trunk: 1 };

/**
 * `sipstatus`: every extension line (by id), then every trunk (by id), with
 * whether the engine reaches it. Unlike every other answer, `total` and `id`
 * are numbers, `success` is the boolean `true` followed by `"_debug":false`,
 * and slashes are escaped (`\/`), as the document's example is.
 */
export const sipstatus = defineOperation({
  name: 'sipstatus',
  partial: 'registration details: ARI tells no address, port, user agent, contact or qualify time, so they are empty',
  action: 'sipstatus',
  auth: { permission: 'SIP status' },
  input: schema,
  run: ({ core }) => core.deviceRegistrations(),
  render: (registrations) => {
    const results = registrations.map(peerOf);
    return JSON.stringify({ total: results.length, results, success: true, _debug: false }).replace(/\//g, '\\/');
  },
});

function peerOf(device: DeviceRegistration): SipPeer {
  const peer: SipPeer = {
    id: device.id * 10 + PEER_KIND_DIGIT[device.kind],
    type: device.kind === 'extension' ? 'extension_line' : 'sip',
    user: device.user,
    host: UNKNOWN_HOST,
    port: UNKNOWN_PORT,
    status: STATUS[device.state],
    useragent: '',
    regcontact: '',
    registry: null,
  };
  if (device.kind === 'extension') peer.extension_line_id = String(device.id);
  else peer.sip_id = String(device.id);
  return peer;
}
