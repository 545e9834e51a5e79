import { supportRows, type SupportSection } from '@pbx-gateway/dialect-kit';
import { NOT_SUPPORTED, OPERATIONS } from './routes';

/** The interfaces by method and path (with Huawei's log name), then those answered "not supported". */
export function ccgatewayCompatibility(): SupportSection[] {
  const operations = OPERATIONS.map((operation) => ({ label: `${operation.method} ${operation.path} (${operation.name})`, partial: operation.partial }));
  const unsupported = NOT_SUPPORTED.map(([method, path, reason]) => ({ name: `${method ?? 'any method'} ${path}`, reason }));
  return [{ heading: 'Interfaces (`/agentgateway/resource/...`)', rows: supportRows(operations, unsupported) }];
}
