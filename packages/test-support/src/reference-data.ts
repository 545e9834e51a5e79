import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The vendor documents and Asterisk's own ARI description live next to the
 * project, never inside it: they are reference data that the fidelity tier's
 * tests read (never the base tier's), not code we ship. `PBX_GATEWAY_SHARED_DIR` points at them explicitly; otherwise the
 * first `shared/` directory found beside the repository or one of its parents.
 */
export function sharedDir(): string {
  const explicit = process.env.PBX_GATEWAY_SHARED_DIR;
  if (explicit) {
    if (!existsSync(join(explicit, 'ari', 'api-docs'))) {
      throw new Error(`PBX_GATEWAY_SHARED_DIR=${explicit} holds no ari/api-docs`);
    }
    return explicit;
  }
  let dir = repositoryRoot();
  for (;;) {
    const candidate = join(dirname(dir), 'shared');
    if (existsSync(join(candidate, 'ari', 'api-docs'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(
    'Reference data not found: the fidelity tier needs ../shared beside the repository, or PBX_GATEWAY_SHARED_DIR set to the directory holding ari/, seeds/ and specs/',
  );
}

export function repositoryRoot(): string {
  return resolve(__dirname, '..', '..', '..');
}

export const ariApiDocsDir = (): string => join(sharedDir(), 'ari', 'api-docs');
export const ariTracesDir = (): string => join(sharedDir(), 'ari', 'traces');
export const seedsDir = (): string => join(sharedDir(), 'seeds');
