import { supportRows, type SupportSection } from '@pbx-gateway/dialect-kit';
import { OPERATIONS } from './operations';

/** Every action of the spec is in the catalogue; other `action` values are errno 110. */
export function voipsunCompatibility(): SupportSection[] {
  const operations = OPERATIONS.operations.map((operation) => ({ label: operation.action, partial: operation.partial }));
  return [{ heading: 'Actions (`/api/api.php?action=`)', rows: supportRows(operations, []) }];
}
