import { createSchemaValidator } from '@pbx-gateway/dialect-kit';

/** The one ajv instance of the dialect; each operation compiles its schema on it. */
export const ajv = createSchemaValidator();
