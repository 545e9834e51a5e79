import type { JSONSchemaType } from 'ajv';
import { createSchemaValidator, type InputCheck } from '@pbx-gateway/dialect-kit';
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
  choices: '^[-_ 0-9\\p{L}]*$',
} as const;

/**
 * Every function states the parameters it reads as a schema, checked on the
 * decoded text; the function gets the filtered bytes, which it echoes.
 */
export function inputOf<T extends Partial<Record<keyof AgentRequest, string>>>(
  schema: JSONSchemaType<T>,
  fields: ReadonlyArray<keyof T & keyof AgentRequest>,
): InputCheck<AgentRequest, T> {
  const validate = ajv.compile(schema);
  return (request) => {
    const picked: Record<string, string> = {};
    const decoded: Record<string, string> = {};
    for (const field of fields) {
      picked[field] = request[field];
      decoded[field] = bytesToText(request[field]);
    }
    return validate(decoded) ? { ok: true, value: picked as T } : { ok: false, errors: validate.errors ?? [] };
  };
}
