import type { CoreContext } from '../kernel/context';
import { pbxCommand } from '../kernel/engine';
import type { PbxEndpoint } from '../ports/pbx';
import type { Extension } from './directory';
import { findExtension, type ExtensionSelector } from './extension-lookup';
import { deviceRegistrations, type DeviceRegistration } from './device-registrations';

/** The PBX's extensions and the devices behind them. */
export interface DirectoryQueries {
  listExtensions(): Promise<Extension[]>;
  /** The one extension a selector names (EXTENSION_NOT_FOUND, EXTENSION_AMBIGUOUS, DIALPLAN_NOT_FOUND otherwise). */
  findExtension(selector: ExtensionSelector, dialplan: string | null): Promise<Extension>;
  /** The engine's devices; its failures in the domain's words (PBX_UNAVAILABLE, PBX_REJECTED). */
  pbxEndpoints(): Promise<PbxEndpoint[]>;
  pbxAvailable(): boolean;
  /** Every extension and trunk, with whether the engine reaches it (PBX_UNAVAILABLE, PBX_REJECTED when it cannot say). */
  deviceRegistrations(): Promise<DeviceRegistration[]>;
}

export function directoryQueries(ctx: CoreContext): DirectoryQueries {
  const direct = ctx.store.direct;
  return {
    listExtensions: () => direct.extensions.list(),
    findExtension: (selector, dialplan) => findExtension(direct, selector, dialplan),
    pbxEndpoints: () => pbxCommand(ctx, 'read devices', () => ctx.pbx.endpoints()),
    pbxAvailable: () => ctx.pbx.isAvailable(),
    deviceRegistrations: () => deviceRegistrations(ctx),
  };
}
