import type { CallControl, Extension } from '@pbx-gateway/core';
import { byInternalNumber, extensionNumbers } from './wire/extension-list';

type ExtensionReads = Pick<CallControl, 'listExtensions' | 'deviceRegistrations'>;

/** The ids of the extensions whose phone the engine reports registered (endpoint online). */
export async function registeredExtensionIds(core: Pick<CallControl, 'deviceRegistrations'>): Promise<Set<Extension['id']>> {
  const devices = await core.deviceRegistrations();
  return new Set(devices.filter((device) => device.kind === 'extension' && device.state === 'online').map((device) => device.id));
}

export interface ListedExtension {
  extnumber: string;
  /** Undefined: the number is no extension of the PBX. */
  extension: Extension | undefined;
  registered: boolean;
}

/**
 * The numbers of a status service's comma list (each once, in the client's
 * order), each with its extension and whether that extension's phone is
 * registered.
 */
export async function listedExtensions(core: ExtensionReads, list: string): Promise<ListedExtension[]> {
  const extensions = byInternalNumber(await core.listExtensions());
  const registered = await registeredExtensionIds(core);
  return extensionNumbers(list).map((extnumber) => {
    const extension = extensions.get(extnumber);
    return { extnumber, extension, registered: extension !== undefined && registered.has(extension.id) };
  });
}
