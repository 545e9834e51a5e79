import type { JSONSchemaType } from 'ajv';
import { compileSchema, createSchemaValidator } from '@pbx-gateway/dialect-kit';
import { bytesToText } from '../wire/php-params';
import type { AgentRequest } from './request';

const ajv = createSchemaValidator();

/** JSON-schema patterns of the filtered parameters (spec §1.3), on the decoded text. */
export const PATTERNS = {
  identifier: '^[-_0-9\\p{L}]*$',
  value: '^[-|_0-9\\p{L}]*$',
  alphanumeric: '^[0-9\\p{L}]*$',
  upperLetters: '^[A-Z]*$',
  stage: '^[^\'"\\\\;]*$',
} as const;

/**
 * Every function states the parameters it reads as a schema. VICIdial never
 * refuses a request for its shape (the filters have already removed what is
 * not allowed), so a value failing its schema means a filter is wrong: that
 * is a fault of the gateway, reported as such, never answered as if valid.
 */
export function inputOf<T extends Partial<Record<keyof AgentRequest, string>>>(
  schema: JSONSchemaType<T>,
  fields: ReadonlyArray<keyof T & keyof AgentRequest>,
): (request: AgentRequest) => T {
  const validate = compileSchema(ajv, schema);
  return (request) => {
    const picked: Record<string, string> = {};
    const decoded: Record<string, string> = {};
    for (const field of fields) {
      picked[field] = request[field];
      decoded[field] = bytesToText(request[field]);
    }
    const result = validate(decoded);
    if (!result.ok) throw new Error(`filtered input does not match its schema: ${result.errors.join('; ')}`);
    return picked as T;
  };
}
