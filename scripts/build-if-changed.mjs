#!/usr/bin/env node
// Builds the workspace (tsc -b) unless nothing it is built from has changed
// since the last build: `npm start` then starts at once. What it does goes to
// stdout as one JSON object per line, like the gateway's own log.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stampFile = join(root, 'node_modules', '.cache', 'pbx-gateway', 'build-stamp');
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'test', '.data']);

function log(level, msg, facts = {}) {
  process.stdout.write(`${JSON.stringify({ level, time: new Date().toISOString(), service: 'pbx-gateway-build', ...facts, msg })}\n`);
}

/** Every file the build reads: the TypeScript sources, the project files, the lock file. */
function buildInputs() {
  const files = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.base.json'];
  const projects = [...readdirSync(join(root, 'packages')).map((name) => join('packages', name)), 'bench'];
  const walk = (dir) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(path);
      } else if (/\.(ts|json)$/.test(entry.name) && !entry.name.endsWith('.tsbuildinfo')) {
        files.push(path);
      }
    }
  };
  for (const project of projects) if (existsSync(join(root, project, 'tsconfig.json'))) walk(project);
  return files.sort();
}

/** The build's outputs that must exist for a stamp to count (a `npm run clean` removes them). */
function outputsPresent() {
  return ['packages/server/dist/cli.js', 'bench/dist/run-benchmarks.js'].every((file) => existsSync(join(root, file)));
}

function fingerprint(files) {
  const hash = createHash('sha256');
  hash.update(process.version);
  for (const file of files) {
    hash.update(relative(root, join(root, file)));
    hash.update('\0');
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function build() {
  return new Promise((resolve) => {
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const child = spawn(process.execPath, [tsc, '-b'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let rest = '';
    const onData = (chunk) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) if (line.trim() !== '') log(50, line, { tool: 'tsc' });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('close', (code) => {
      if (rest.trim() !== '') log(50, rest, { tool: 'tsc' });
      resolve(code ?? 1);
    });
  });
}

const started = Date.now();
const files = buildInputs();
const current = fingerprint(files);
const previous = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : null;
if (previous === current && outputsPresent()) {
  log(30, 'build is up to date: nothing changed since the last build', { files: files.length });
} else {
  log(30, previous === null ? 'building (first build, about a minute on 2 cores)' : 'building: sources changed since the last build', { files: files.length });
  const code = await build();
  if (code !== 0) {
    log(50, 'build failed', { exitCode: code });
    process.exit(code);
  }
  // The stamp is of what was built: a file changed during the build shows at the next run.
  mkdirSync(dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, `${current}\n`);
  log(30, 'built', { ms: Date.now() - started });
}
