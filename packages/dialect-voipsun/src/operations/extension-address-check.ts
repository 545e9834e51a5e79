import { isDomainError, type CallControl, type DeviceRegistration, type ExtensionSelector } from '@pbx-gateway/core';
import { VoipsunWireError } from '../errors';
import { namedExtension } from './extension-state-check';

/** The addresses originate's `checkIpHost` and `checkIpContact` ask for; null when not asked. */
export interface RequestedAddresses {
  host: string | null;
  contact: string | null;
}

/** chan_sip's word for the address of a device that has none: never registered, or its registration gone. */
const NO_ADDRESS = '(Unspecified)';

/**
 * originate's `checkIpHost` (210) and `checkIpContact` (211): the extension's
 * device must have registered from the address asked (`checkIpHost`), and
 * its contact URI must name the address asked (`checkIpContact`). Both read
 * the device's newest contact from the engine; a device the engine has no
 * contact for is at `(Unspecified)`, which no address matches. The reason
 * names the extension's engine endpoint (`PJSIP/sip100`) where the document
 * writes `SIP/XYZ`. An extension the selector does not name exactly once is
 * not checked: placing the call reports 201/202/203.
 */
export async function checkExtensionAddress(core: CallControl, selector: ExtensionSelector, dialplan: string | null, requested: RequestedAddresses): Promise<void> {
  if (requested.host === null && requested.contact === null) return;
  if (!core.pbxAvailable()) throw new VoipsunWireError('900');
  const extension = await namedExtension(core, selector, dialplan);
  if (!extension) return;
  const device = (await registrations(core)).find((candidate) => candidate.kind === 'extension' && candidate.id === extension.id);
  const contact = device?.contacts[0];
  const channel = extension.endpoint;
  const registeredHost = contact?.host ?? NO_ADDRESS;
  if (requested.host !== null && !sameAddress(registeredHost, requested.host)) {
    throw new VoipsunWireError('210', { channel, registered: registeredHost, requested: requested.host });
  }
  const contactHost = contact?.uriHost ?? NO_ADDRESS;
  if (requested.contact !== null && !sameAddress(contactHost, requested.contact)) {
    throw new VoipsunWireError('211', { channel, registered: contactHost, requested: requested.contact });
  }
}

/** Addresses compare as text, host names without regard to case; IPv6 brackets do not count. */
function sameAddress(known: string, asked: string): boolean {
  const plain = (address: string): string => address.trim().replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return known !== NO_ADDRESS && plain(known) === plain(asked);
}

/** The engine's devices; its failure worded as checkExten words it (away 900, refusing 901). */
async function registrations(core: CallControl): Promise<DeviceRegistration[]> {
  try {
    return await core.deviceRegistrations();
  } catch (error) {
    if (isDomainError(error) && error.code === 'PBX_UNAVAILABLE') throw new VoipsunWireError('900');
    if (isDomainError(error) && error.code === 'PBX_REJECTED') throw new VoipsunWireError('901');
    throw error;
  }
}
