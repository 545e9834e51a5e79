import Ajv, { type ErrorObject, type JSONSchemaType, type ValidateFunction } from 'ajv';

/**
 * One ajv instance for all schemas of a dialect: every error reported, no
 * silent coercion (dialects decide how lenient to be, field by field).
 */
export function createSchemaValidator(): Ajv {
  return new Ajv({ allErrors: true, strict: true, coerceTypes: false, useDefaults: false });
}

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: string[] };

export function compileSchema<T>(ajv: Ajv, schema: JSONSchemaType<T>): (input: unknown) => Validation<T> {
  const validate: ValidateFunction<T> = ajv.compile(schema);
  return (input) => (validate(input) ? { ok: true, value: input } : { ok: false, errors: describe(validate.errors) });
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`);
}
