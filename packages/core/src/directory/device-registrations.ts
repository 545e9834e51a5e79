import type { CoreContext } from '../kernel/context';
import { pbxCommand } from '../kernel/engine';
import type { PbxDeviceContact, PbxDeviceContacts } from '../ports/pbx';
import type { TrunkRoute } from './directory';

/** Whether the engine can reach a device of the PBX: an extension's phone or a trunk. */
export interface DeviceRegistration {
  kind: 'extension' | 'trunk';
  /** The extension's or the trunk's id. */
  id: number;
  /** The name the device registers or is dialled by: the extension's SIP user name, the trunk's endpoint. */
  user: string;
  /** The engine's endpoint (`PJSIP/sip100`, `PJSIP/upc`). */
  endpoint: string;
  /** `absent`: the engine has no such endpoint. */
  state: 'online' | 'offline' | 'absent';
  /** The engine checks the device's reachability (qualify). */
  qualified: boolean;
  /** Where the engine reaches the device, newest registration first; none when it has no address for it. */
  contacts: readonly PbxDeviceContact[];
}

/**
 * The engine endpoint a trunk dials through: the part of its dial template
 * after `@` (`PJSIP/{number}@upc` is `PJSIP/upc`). A template without `@`
 * dials numbers as endpoints of their own and names no trunk endpoint: its
 * own text stands for it, which no engine endpoint matches.
 */
export function trunkEndpoint(trunk: TrunkRoute): string {
  const at = trunk.dialTemplate.lastIndexOf('@');
  if (at < 0) return trunk.dialTemplate;
  const slash = trunk.dialTemplate.indexOf('/');
  return `${trunk.dialTemplate.slice(0, slash)}/${trunk.dialTemplate.slice(at + 1)}`;
}

/**
 * Every extension (by id) and every trunk (by id) with whether the engine
 * reaches it now, read from the engine's endpoints (PBX_UNAVAILABLE,
 * PBX_REJECTED when it cannot say).
 */
export async function deviceRegistrations(ctx: CoreContext): Promise<DeviceRegistration[]> {
  const direct = ctx.store.direct;
  const [extensions, trunks] = await Promise.all([direct.extensions.list(), direct.trunks.listRoutes()]);
  const endpoints = await pbxCommand(ctx, 'read devices', () => ctx.pbx.endpoints());
  const online = new Map(endpoints.map((endpoint) => [endpoint.endpoint.toLowerCase(), endpoint.online]));
  const stateOf = (endpoint: string): DeviceRegistration['state'] => {
    const known = online.get(endpoint.toLowerCase());
    return known === undefined ? 'absent' : known ? 'online' : 'offline';
  };
  const devices = [
    ...[...extensions]
      .sort((a, b) => a.id - b.id)
      .map((extension) => ({ kind: 'extension' as const, id: extension.id, user: extension.sipUsername, endpoint: extension.endpoint })),
    ...trunks.map((trunk) => {
      const endpoint = trunkEndpoint(trunk);
      return { kind: 'trunk' as const, id: trunk.id, user: endpoint.slice(endpoint.indexOf('/') + 1), endpoint };
    }),
  ];
  return Promise.all(
    devices.map(async (device): Promise<DeviceRegistration> => {
      const state = stateOf(device.endpoint);
      const contacts = state === 'absent' ? null : await contactsOf(ctx, device.endpoint);
      return { ...device, state, qualified: contacts?.qualified ?? false, contacts: contacts?.contacts ?? [] };
    }),
  );
}

/** The contacts of the SIP endpoint `PJSIP/<aor>`; other technologies have no address of record. */
async function contactsOf(ctx: CoreContext, endpoint: string): Promise<PbxDeviceContacts | null> {
  const slash = endpoint.indexOf('/');
  if (endpoint.slice(0, slash).toUpperCase() !== 'PJSIP') return null;
  return pbxCommand(ctx, 'read device contacts', () => ctx.pbx.deviceContacts(endpoint.slice(slash + 1)));
}
