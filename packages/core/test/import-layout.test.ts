import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The shape of the code base, read from its imports: the core depends on
 * nothing, the other packages form a star around it (dialects on one side,
 * store and engine adapters on the other, the server composing them all),
 * and the core's modules import each other without circles.
 */

const PACKAGES = resolve(__dirname, '../..');
const CORE_SRC = join(PACKAGES, 'core/src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module a file names in an import or export, type-only ones included. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers: string[] = [];
  for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/g)) specifiers.push(match[1]!);
  for (const match of text.matchAll(/(?:import|require)\(\s*'([^']+)'\s*\)/g)) specifiers.push(match[1]!);
  return specifiers;
}

function resolveRelative(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  const candidates = [`${base}.ts`, join(base, 'index.ts')];
  const found = candidates.find((candidate) => sourceFiles(dirname(candidate)).includes(candidate));
  if (!found) throw new Error(`${relative(PACKAGES, from)} imports ${specifier}, which does not exist`);
  return found;
}

const workspacePackagesOf = (name: string): string[] => {
  const imported = new Set<string>();
  for (const file of sourceFiles(join(PACKAGES, name, 'src'))) {
    for (const specifier of importsOf(file)) {
      const match = /^@pbx-gateway\/([^/]+)/.exec(specifier);
      if (match && match[1] !== name) imported.add(match[1]!);
    }
  }
  return [...imported].sort();
};

describe('import layout', () => {
  const coreFiles = sourceFiles(CORE_SRC);

  it('the core imports no other package and no I/O module, only its own files', () => {
    const outside = coreFiles.flatMap((file) =>
      importsOf(file)
        .filter((specifier) => !specifier.startsWith('.'))
        .map((specifier) => `${relative(CORE_SRC, file)} -> ${specifier}`),
    );
    expect(outside).toEqual([]);
  });

  it('the packages form a star around the core', () => {
    const packages = readdirSync(PACKAGES, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    // What each kind of package may use; the server composes everything, test-support serves the tests.
    const allowed = (name: string): string[] | 'any' => {
      if (name === 'core' || name === 'pbx-sim') return [];
      if (name === 'dialect-kit' || name === 'store-pg' || name === 'pbx-ari') return ['core'];
      if (name.startsWith('dialect-')) return ['core', 'dialect-kit'];
      return 'any';
    };
    const breaches = packages.flatMap((name) => {
      const rule = allowed(name);
      if (rule === 'any') return [];
      return workspacePackagesOf(name)
        .filter((used) => !rule.includes(used))
        .map((used) => `${name} -> ${used}`);
    });
    expect(breaches).toEqual([]);
    expect(packages.filter((name) => allowed(name) === 'any').sort()).toEqual(['server', 'test-support']);
  });

  it('no module of the core imports itself back through others', () => {
    const graph = new Map<string, string[]>();
    for (const file of coreFiles) {
      graph.set(
        file,
        importsOf(file)
          .filter((specifier) => specifier.startsWith('.'))
          .map((specifier) => resolveRelative(file, specifier)),
      );
    }
    const circles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const path: string[] = [];
    const visit = (file: string): void => {
      state.set(file, 'visiting');
      path.push(file);
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'visiting') {
          circles.push(path.slice(path.indexOf(next)).concat(next).map((step) => relative(CORE_SRC, step)).join(' -> '));
        } else if (!state.has(next)) {
          visit(next);
        }
      }
      path.pop();
      state.set(file, 'done');
    };
    for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
    expect(circles).toEqual([]);
  });
});
