#!/usr/bin/env node
// Writes docs/compatibility.md from the dialects' operation catalogues (the
// built server, so run after `npm run build`). A test compares the committed
// file with what the code generates.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { COMPATIBILITY_DOC, renderCompatibilityMatrix } = createRequire(import.meta.url)(join(root, 'packages/server/dist/docs/compatibility-matrix.js'));
writeFileSync(join(root, COMPATIBILITY_DOC), renderCompatibilityMatrix());
process.stdout.write(`${COMPATIBILITY_DOC} written\n`);
