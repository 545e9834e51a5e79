import type { Extension } from '@pbx-gateway/core';

/** `extnumber` of the status services: one extension number or a comma list of them. */
export const EXTNUMBER_LIST = { type: 'string', maxLength: 4096, pattern: '^[0-9A-Za-z_.*#+-]+(,[0-9A-Za-z_.*#+-]+)*$' } as const;

/** The numbers of a comma list, each once, in the client's order. */
export function extensionNumbers(list: string): string[] {
  return [...new Set(list.split(','))];
}

/** The PBX's extensions by internal number (the first of a number found in several dial plans). */
export function byInternalNumber(extensions: readonly Extension[]): Map<string, Extension> {
  const found = new Map<string, Extension>();
  for (const extension of [...extensions].sort((a, b) => a.id - b.id)) if (!found.has(extension.internalNumber)) found.set(extension.internalNumber, extension);
  return found;
}
