import type { ErrorObject, JSONSchemaType } from 'ajv';
import { createSchemaValidator, type InputCheck } from '@pbx-gateway/dialect-kit';
import type { RequestBody } from '../operation';

const ajv = createSchemaValidator();

const TRUE = new Set(['true', '1']);
const FALSE = new Set(['false', '0']);
const INTEGER_TEXT = /^[+-]?[0-9]{1,15}$/;

type PropertySchema = { type?: unknown };

/**
 * Huawei's own samples send booleans and integers as strings
 * (`"releasephone":"false"`, `"status":"4"`) and strings as numbers
 * (`"volumechange":20`). Before strict validation each declared field is
 * brought to its schema type when its text says so unambiguously; null, and
 * an empty string where a boolean or number is expected, count as absent
 * (an empty string field stays: Huawei's sample sends `"password":""`).
 * Anything else is left for the schema to refuse.
 */
function coerce(input: Record<string, unknown>, properties: Readonly<Record<string, PropertySchema>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input)) {
    const type = Object.hasOwn(properties, name) ? properties[name]!.type : undefined;
    if (type !== undefined && (value === null || (value === '' && type !== 'string'))) continue;
    // Defined, not assigned: a client's `"__proto__"` key stays a plain field.
    Object.defineProperty(out, name, { value: type === undefined ? value : coerceValue(value, type), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function coerceValue(value: unknown, type: unknown): unknown {
  if (type === 'boolean') {
    if (typeof value === 'string') {
      const text = value.trim().toLowerCase();
      if (TRUE.has(text)) return true;
      if (FALSE.has(text)) return false;
    }
    if (value === 1) return true;
    if (value === 0) return false;
    return value;
  }
  if (type === 'integer') {
    if (typeof value === 'string' && INTEGER_TEXT.test(value.trim())) return Number(value.trim());
    return value;
  }
  if (type === 'string') {
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    return value;
  }
  return value;
}

/** Names the offending fields of failed validation ('' for the body as a whole). */
export function offendingFields(errors: readonly ErrorObject[]): string[] {
  const fields = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'required') fields.add(String((error.params as { missingProperty?: unknown }).missingProperty ?? ''));
    else fields.add(error.instancePath.split('/')[1] ?? '');
  }
  return [...fields];
}

/** A body that could not be read at all fails as a whole. */
const UNREADABLE: readonly ErrorObject[] = [{ instancePath: '', schemaPath: '#/type', keyword: 'type', params: { type: 'object' }, message: 'must be object' }];

/**
 * Compiles an interface's body schema (strict types, every error reported)
 * into a check that accepts Huawei's lenient spellings first.
 */
export function lenientBodyCheck<T>(schema: JSONSchemaType<T>): InputCheck<RequestBody, T> {
  const validate = ajv.compile(schema);
  const properties = ((schema as { properties?: Record<string, PropertySchema> }).properties ?? {}) as Readonly<Record<string, PropertySchema>>;
  return (input) => {
    if (input === null) return { ok: false, errors: UNREADABLE };
    const candidate = coerce(input, properties);
    return validate(candidate) ? { ok: true, value: candidate } : { ok: false, errors: validate.errors ?? [] };
  };
}
