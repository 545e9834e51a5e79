import type { ExtensionSelector } from '@pbx-gateway/core';

/** The four ways to name an extension, by parameter suffix, in the document's order. */
const SELECTOR_KINDS: ReadonlyArray<{ suffix: string; by: ExtensionSelector['by'] }> = [
  { suffix: 'ExtenPublicNum', by: 'public_number' },
  { suffix: 'ExtenInternalNum', by: 'internal_number' },
  { suffix: 'ExtenId', by: 'id' },
  { suffix: 'SipUsername', by: 'sip_username' },
];

/**
 * The selectors a request supplies with `prefix` (`src`, `dst`). An empty
 * value counts as not supplied: CRMs often send every field, blank or not.
 */
export function suppliedSelectors(params: Readonly<Record<string, string | null | undefined>>, prefix: 'src' | 'dst'): ExtensionSelector[] {
  const supplied: ExtensionSelector[] = [];
  for (const { suffix, by } of SELECTOR_KINDS) {
    const value = params[`${prefix}${suffix}`];
    if (value !== undefined && value !== null && value !== '') supplied.push({ by, value });
  }
  return supplied;
}
