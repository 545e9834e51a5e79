import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { IdSource } from '@pbx-gateway/core';

export const cryptoIds: IdSource = {
  newId: () => randomUUID(),
  randomHex: (bytes) => randomBytes(bytes).toString('hex'),
  randomInt: (below) => (below <= 1 ? 0 : randomInt(below)),
};
