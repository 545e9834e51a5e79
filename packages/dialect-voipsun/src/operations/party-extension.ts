import { isDomainError, type CallControl, type Extension, type ExtensionSelector } from '@pbx-gateway/core';
import { VoipsunWireError, type Errno } from '../errors';

/** The errnos of one party's lookup: its dial plan unknown, its extension unknown, its internal number ambiguous. */
export interface PartyErrnos {
  dialplanNotFound: Errno;
  extensionNotFound: Errno;
  ambiguous: Errno;
}

/**
 * The extension one party of a two-party action names. The directory's
 * refusals are the same for both parties, the document's errnos are not
 * (spying: 302–304 for the listener, 310–312 for the one listened to), so the
 * party's own errnos replace the table's here, where the party is known.
 */
export async function findPartyExtension(core: CallControl, selector: ExtensionSelector, dialplan: string | null, errnos: PartyErrnos): Promise<Extension> {
  try {
    return await core.findExtension(selector, dialplan);
  } catch (error) {
    if (isDomainError(error, 'DIALPLAN_NOT_FOUND')) throw new VoipsunWireError(errnos.dialplanNotFound);
    if (isDomainError(error, 'EXTENSION_NOT_FOUND')) throw new VoipsunWireError(errnos.extensionNotFound);
    if (isDomainError(error, 'EXTENSION_AMBIGUOUS')) throw new VoipsunWireError(errnos.ambiguous);
    throw error;
  }
}
