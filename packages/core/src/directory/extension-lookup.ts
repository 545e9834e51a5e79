import { DomainError } from '../errors/domain-error';
import type { Extension } from './directory';
import type { StoreTransaction } from '../ports/store';

/** How a client names an extension. */
export type ExtensionSelector =
  | { by: 'public_number'; value: string }
  | { by: 'internal_number'; value: string }
  | { by: 'id'; value: string }
  | { by: 'sip_username'; value: string };

/**
 * Finds the one extension a selector names. An internal number may exist in
 * several dial plans; then the dial plan must be named. A named dial plan
 * that does not exist is reported before a missing extension.
 */
export async function findExtension(tx: StoreTransaction, selector: ExtensionSelector, dialplan: string | null): Promise<Extension> {
  if (dialplan !== null && !(await tx.extensions.dialplanExists(dialplan))) {
    throw new DomainError('DIALPLAN_NOT_FOUND', `no dial plan ${dialplan}`, { dialplan });
  }
  const candidates = await candidatesFor(tx, selector);
  const matching = dialplan === null ? candidates : candidates.filter((extension) => extension.dialplan === dialplan);
  if (matching.length === 0) throw new DomainError('EXTENSION_NOT_FOUND', `no extension ${selector.value}`, { selector: selector.by });
  if (matching.length > 1) throw new DomainError('EXTENSION_AMBIGUOUS', `${selector.value} exists in several dial plans`);
  return matching[0]!;
}

async function candidatesFor(tx: StoreTransaction, selector: ExtensionSelector): Promise<Extension[]> {
  switch (selector.by) {
    case 'public_number':
      return tx.extensions.findByPublicNumber(selector.value);
    case 'internal_number':
      return tx.extensions.findByInternalNumber(selector.value);
    case 'sip_username':
      return tx.extensions.findBySipUsername(selector.value);
    case 'id': {
      if (!/^[0-9]{1,9}$/.test(selector.value)) return [];
      const extension = await tx.extensions.get(Number(selector.value));
      return extension ? [extension] : [];
    }
  }
}

/** Numbers the gateway will dial: digits with an optional leading `+`, or `*`/`#` service codes. */
export function checkDialableNumber(number: string): string {
  if (!/^\+?[0-9*#]{1,32}$/.test(number)) throw new DomainError('INVALID_NUMBER', 'not a dialable number', { number });
  return number;
}
