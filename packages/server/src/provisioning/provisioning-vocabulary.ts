import type { DialectVocabulary } from '@pbx-gateway/core';

/** Sessions started by provisioning itself, not through a dialect. */
export const PROVISIONING_VOCABULARY: DialectVocabulary = { loginChannels: ['provisioning'] };
