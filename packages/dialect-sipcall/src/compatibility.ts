import { supportRows, type SupportSection, type UnsupportedOperation } from '@pbx-gateway/dialect-kit';
import { createServices } from './operations';
import { defaultSipcallSettings } from './settings';

/** Documented services the catalogue does not hold: PhalApi's "no such service". */
export const UNSUPPORTED_SERVICES: readonly UnsupportedOperation[] = [];

/** The services as the catalogue holds them (their support does not depend on the settings), then the unsupported ones. */
export function sipcallCompatibility(): SupportSection[] {
  const operations = createServices(defaultSipcallSettings).operations.map((operation) => ({ label: operation.service, partial: operation.partial }));
  return [{ heading: 'Services (`service=`)', rows: supportRows(operations, UNSUPPORTED_SERVICES) }];
}
