import { createHash } from 'node:crypto';
import type { PbxDeviceContact, PbxDeviceContacts } from '@pbx-gateway/core';
import { readConfigTuples } from '../ari-models';
import { unlessGone } from '../ari-error-mapping';
import type { AriRestCall } from '../ari-operations';

/**
 * A device's contacts, read through ARI's view of res_pjsip's sorcery
 * objects (`GET /asterisk/config/dynamic/res_pjsip/...`): ARI has no other
 * way to them (`GET /asterisk/variable` reads global variables only; it does
 * not evaluate `PJSIP_AOR()` or `PJSIP_CONTACT()`).
 *
 * The AOR object lists one `contact` attribute per contact, registered ones
 * first, each its URI. A registered contact is an object of its own, id
 * `<aor>;@<md5 of its URI>`, with where the REGISTER came from (`via_addr`,
 * `via_port`) and the device's `user_agent`. A contact of the configuration
 * is no such object (404): its URI is all there is. A contact's round trip
 * is not among its attributes: `roundTripOf` tells it, from the engine's
 * events (contact-round-trips.ts).
 */
export async function deviceContacts(
  call: AriRestCall,
  aor: string,
  roundTripOf: (aor: string, uri: string) => number | undefined = () => undefined,
): Promise<PbxDeviceContacts | null> {
  const object = await unlessGone(call('asterisk.getObject', { configClass: 'res_pjsip', objectType: 'aor', id: aor }, { idempotent: true }), null);
  if (object === null) return null;
  const attributes = readConfigTuples(object);
  const uris = attributes.filter((tuple) => tuple.attribute === 'contact' && tuple.value !== '').map((tuple) => tuple.value);
  const frequency = Number(attributes.find((tuple) => tuple.attribute === 'qualify_frequency')?.value ?? '0');
  const contacts = await Promise.all(
    uris.map(async (uri) => {
      const contact = await contactOf(call, aor, uri);
      const roundtripUsec = roundTripOf(aor, uri);
      return roundtripUsec === undefined ? contact : { ...contact, roundtripUsec };
    }),
  );
  return { qualified: frequency > 0, contacts };
}

async function contactOf(call: AriRestCall, aor: string, uri: string): Promise<PbxDeviceContact> {
  const id = `${aor};@${createHash('md5').update(uri).digest('hex')}`;
  const object = await unlessGone(call('asterisk.getObject', { configClass: 'res_pjsip', objectType: 'contact', id }, { idempotent: true }), null);
  const address = uriAddress(uri);
  if (object === null) return { uri, origin: 'configured', host: address.host, port: address.port, uriHost: address.host, userAgent: '' };
  const attributes = new Map(readConfigTuples(object).map((tuple) => [tuple.attribute, tuple.value]));
  const viaPort = Number(attributes.get('via_port') ?? '');
  return {
    uri,
    origin: 'registered',
    host: attributes.get('via_addr') || address.host,
    port: Number.isInteger(viaPort) && viaPort > 0 ? viaPort : address.port,
    uriHost: address.host,
    userAgent: attributes.get('user_agent') ?? '',
  };
}

/** The host and port of a SIP URI (`sip:user@host:port;params`); the port defaults to 5060 (5061 for `sips:`). */
export function uriAddress(uri: string): { host: string; port: number } {
  const secure = /^sips:/i.test(uri);
  const hostPart = uri.replace(/^sips?:/i, '').replace(/^[^@]*@/, '').split(/[;?>]/)[0] ?? '';
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(hostPart);
  const [host, port] = bracketed ? [bracketed[1] ?? '', bracketed[2]] : hostPart.split(':');
  const parsed = Number(port);
  return { host: host ?? '', port: Number.isInteger(parsed) && parsed > 0 ? parsed : secure ? 5061 : 5060 };
}
