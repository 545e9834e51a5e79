#!/usr/bin/env node
// Runs docker/Dockerfile's steps without a Docker engine, as `docker build`
// would, then checks that the image's CMD starts and answers /health.
//
//   node docker/verify-dockerfile.mjs [--keep]
//
// Each stage gets a scratch directory standing for its filesystem root.
// COPY takes from the build context (the repository, filtered by
// .dockerignore) or from an earlier stage; WORKDIR, ENV and USER apply to
// what follows; RUN runs with `sh -c` in the stage's working directory. The
// base image's own contents are this machine's: its Node major version must
// be the image's. A RUN that names an absolute path inside the image cannot
// be followed in a scratch copy and is refused, as is anything the verifier
// does not know, rather than passed over.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const context = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dockerfile = join(context, 'docker', 'Dockerfile');
const keep = process.argv.includes('--keep');

// What the verifier knows of the base images it may meet: their Node major and their users.
const BASE_IMAGES = {
  'node:20-bookworm-slim': { nodeMajor: 20, users: { root: [0, 0], node: [1000, 1000] }, env: {} },
};

class Refused extends Error {}

function say(message) {
  process.stdout.write(`verify-dockerfile: ${message}\n`);
}

/** The instructions, continuation lines joined, comments dropped. */
function parse(text) {
  const instructions = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (pending === '' && (line === '' || line.startsWith('#'))) continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    const full = (pending + line).trim();
    pending = '';
    const space = full.search(/\s/);
    instructions.push({ keyword: full.slice(0, space).toUpperCase(), args: full.slice(space + 1).trim(), text: full });
  }
  return instructions;
}

/** .dockerignore as a predicate on context-relative paths (a directory that matches takes its contents with it). */
function dockerignore() {
  const file = join(context, '.dockerignore');
  const rules = existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('#'))
        .map((line) => {
          const negated = line.startsWith('!');
          const pattern = posix.normalize((negated ? line.slice(1) : line).replace(/^\/+/, ''));
          const source = pattern
            .split('/')
            .map((part) => (part === '**' ? '(?:.*)' : part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')))
            .join('/')
            .replace(/\(\?:\.\*\)\//g, '(?:.*/)?');
          return { negated, regex: new RegExp(`^${source}$`) };
        })
    : [];
  return (path) => {
    const parts = path.split('/');
    for (let depth = 1; depth <= parts.length; depth += 1) {
      const prefix = parts.slice(0, depth).join('/');
      let excluded = false;
      for (const rule of rules) if (rule.regex.test(prefix)) excluded = !rule.negated;
      if (excluded) return true;
    }
    return false;
  };
}

function words(args) {
  return args.split(/\s+/).filter((word) => word !== '');
}

function envPairs(args) {
  const pairs = {};
  for (const match of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("([^"]*)"|'([^']*)'|(\S*))/g)) pairs[match[1]] = match[3] ?? match[4] ?? match[5] ?? '';
  if (Object.keys(pairs).length === 0) throw new Refused(`ENV ${args}: only the KEY=value form is supported`);
  return pairs;
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

function build(instructions, scratch) {
  const ignored = dockerignore();
  const stages = [];
  let stage = null;
  const inStage = (target, containerPath) => join(target.root, containerPath);
  const userIds = (target, user) => {
    const [name] = user.split(':');
    const ids = target.base.users[name] ?? (/^\d+$/.test(name) ? [Number(name), Number(name)] : undefined);
    if (!ids) throw new Refused(`user ${user} is not one the base image ${target.image} is known to have`);
    return ids;
  };
  for (const { keyword, args, text } of instructions) {
    if (keyword === 'FROM') {
      const [image, as, name] = words(args);
      const base = BASE_IMAGES[image];
      if (!base) throw new Refused(`FROM ${image}: not a base image this verifier knows`);
      const hostMajor = Number(process.versions.node.split('.')[0]);
      if (hostMajor !== base.nodeMajor) throw new Refused(`FROM ${image} has Node ${base.nodeMajor}, this machine has Node ${process.versions.node}`);
      const root = join(scratch, `stage-${stages.length}`);
      // A container's / lets every user through, as the image's users need.
      mkdirSync(root, { mode: 0o755 });
      chmodSync(root, 0o755);
      stage = { image, base, name: as?.toUpperCase() === 'AS' ? name : undefined, root, workdir: '/', env: { ...base.env }, user: 'root' };
      stages.push(stage);
      say(`${text}  (stage ${stages.length - 1}, root ${root})`);
      continue;
    }
    if (!stage) throw new Refused(`${keyword} before FROM`);
    say(text);
    switch (keyword) {
      case 'WORKDIR':
        stage.workdir = posix.resolve(stage.workdir, args);
        mkdirSync(inStage(stage, stage.workdir), { recursive: true, mode: 0o755 });
        break;
      case 'ENV':
        Object.assign(stage.env, envPairs(args));
        break;
      case 'USER':
        userIds(stage, args);
        stage.user = args;
        break;
      case 'EXPOSE':
      case 'CMD':
        stage[keyword.toLowerCase()] = args;
        break;
      case 'COPY': {
        const parts = words(args);
        const flags = parts.filter((part) => part.startsWith('--'));
        const paths = parts.filter((part) => !part.startsWith('--'));
        const from = flags.find((flag) => flag.startsWith('--from='))?.slice(7);
        const chown = flags.find((flag) => flag.startsWith('--chown='))?.slice(8);
        const unknown = flags.filter((flag) => !flag.startsWith('--from=') && !flag.startsWith('--chown='));
        if (unknown.length > 0) throw new Refused(`COPY ${unknown.join(' ')}: not supported`);
        if (paths.length < 2) throw new Refused(`${text}: needs a source and a destination`);
        const destination = posix.resolve(stage.workdir, paths[paths.length - 1]);
        const sources = paths.slice(0, -1);
        const intoDirectory = paths[paths.length - 1].endsWith('/') || sources.length > 1;
        const source = from === undefined ? null : stages.find((s, i) => s.name === from || String(i) === from);
        if (from !== undefined && !source) throw new Refused(`COPY --from=${from}: no such stage`);
        for (const src of sources) {
          if (/[*?[]/.test(src)) throw new Refused(`COPY ${src}: wildcards are not supported`);
          let origin;
          if (source) {
            origin = inStage(source, posix.resolve(source.workdir, src));
          } else {
            const rel = posix.normalize(src).replace(/^\/+/, '').replace(/\/+$/, '');
            if (rel.startsWith('..')) throw new Refused(`COPY ${src}: outside the build context`);
            // Docker does not see what .dockerignore leaves out: such a source is "not found".
            if (rel !== '.' && ignored(rel)) throw new Error(`COPY ${src}: not found in the build context (left out by .dockerignore)`);
            origin = join(context, rel);
          }
          if (!existsSync(origin)) throw new Error(`COPY ${src}: not found${source ? ` in stage ${from}` : ' in the build context'}`);
          const isDirectory = statSync(origin).isDirectory();
          const target = inStage(stage, intoDirectory && !isDirectory ? posix.join(destination, posix.basename(src)) : destination);
          mkdirSync(isDirectory ? target : dirname(target), { recursive: true, mode: 0o755 });
          cpSync(origin, target, {
            recursive: true,
            verbatimSymlinks: true,
            filter: (path) => source !== null || !ignored(relative(context, path).split('\\').join('/') || '.'),
          });
          if (chown) {
            const [uid, gid] = userIds(stage, chown);
            const walk = (path) => {
              chownSync(path, uid, gid);
              if (lstatSync(path).isDirectory()) for (const entry of readdirSync(path)) walk(join(path, entry));
            };
            walk(target);
          }
        }
        break;
      }
      case 'RUN': {
        const copied = new Set(['/app', '/etc', '/usr', '/var', '/opt', '/home', '/root', stage.workdir]);
        for (const path of args.match(/(?<=^|\s)\/[^\s;&|]*/g) ?? []) {
          if ([...copied].some((prefix) => prefix !== '/' && (path === prefix || path.startsWith(`${prefix}/`)))) {
            throw new Refused(`${text}: names ${path}, an absolute path inside the image; use a path relative to WORKDIR`);
          }
        }
        const [uid, gid] = userIds(stage, stage.user);
        const run = spawnSync('sh', ['-c', args], {
          cwd: inStage(stage, stage.workdir),
          stdio: 'inherit',
          uid,
          gid,
          env: { PATH: process.env.PATH, HOME: uid === 0 ? '/root' : tmpdir(), ...stage.env },
        });
        if (run.status !== 0) throw new Error(`${text}: exit ${run.status ?? run.signal}`);
        break;
      }
      default:
        throw new Refused(`${keyword}: not an instruction this verifier knows`);
    }
  }
  return stages[stages.length - 1];
}

/** Starts the final stage's CMD as its USER and waits for it to listen and answer /health; then SIGTERM. */
async function checkStarts(stage) {
  if (!stage.cmd?.startsWith('[')) throw new Refused('CMD must be in exec form (a JSON array)');
  const [command, ...args] = JSON.parse(stage.cmd);
  const [uid, gid] = stage.base.users[stage.user] ?? [Number(stage.user), Number(stage.user)];
  // The image listens on its EXPOSEd port; here another port, free on this machine, stands in for it.
  const port = await freePort();
  const env = { PATH: process.env.PATH, HOME: tmpdir(), ...stage.env, PORT: String(port), HOST: '127.0.0.1', SIM_PORT: '0' };
  say(`CMD ${stage.cmd} as ${stage.user} (uid ${uid}) in ${stage.workdir}, PORT=${port} standing in for ${stage.env.PORT ?? stage.expose}`);
  const child = spawn(command, args, { cwd: join(stage.root, stage.workdir), env, uid, gid, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise((resolveExit) => child.once('close', (code, signal) => resolveExit(code ?? signal)));
  try {
    const url = await new Promise((resolveUrl, reject) => {
      const timer = setTimeout(() => reject(new Error(`did not listen within 180 s:\n${output.slice(-3000)}`)), 180000);
      const onData = (chunk) => {
        output += chunk.toString();
        const match = /"url":"(http:\/\/[^"]+)","msg":"pbx-gateway listening"/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolveUrl(match[1]);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`exited with ${code} before listening:\n${output.slice(-3000)}`));
      });
    });
    const health = await fetch(`${url}/health`);
    const body = await health.text();
    if (health.status !== 200) throw new Error(`/health answered ${health.status}: ${body}`);
    say(`listening on ${url}; /health: ${body}`);
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  }
  const code = await Promise.race([exited, new Promise((resolveLate) => setTimeout(() => resolveLate('still running 15 s after SIGTERM'), 15000))]);
  if (code !== 0) {
    child.kill('SIGKILL');
    throw new Error(`stopping on SIGTERM: ${code}\n${output.slice(-2000)}`);
  }
  say('stopped on SIGTERM with exit 0');
}

const scratch = mkdtempSync(join(tmpdir(), 'verify-dockerfile-'));
chmodSync(scratch, 0o755);
const started = Date.now();
try {
  const final = build(parse(readFileSync(dockerfile, 'utf8')), scratch);
  await checkStarts(final);
  say(`OK in ${Math.round((Date.now() - started) / 1000)} s`);
} catch (error) {
  say(`FAILED: ${error instanceof Refused ? 'cannot verify: ' : ''}${error.message}`);
  process.exitCode = 1;
} finally {
  if (keep) say(`kept ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}
