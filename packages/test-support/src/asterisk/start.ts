import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ASTERISK_BINARY, ASTERISK_PREFIX, installAsterisk } from './install';
import { configuredAriUser, configuredPhones, projectAsteriskConfigDir, projectAsteriskConfigFiles } from './project-config';
import { FAR_END_HOST, siteFiles, type RunAddresses } from './site-config';
import { freePort } from './free-port';
import { prepareDataDir } from './sounds';

const run = promisify(execFile);

export interface StartAsteriskOptions {
  /** How long to wait for ARI and the phones (ms). */
  startTimeoutMs?: number;
  /** Sounds the installation lacks, added as silence of this length (ms): name -> length. */
  sounds?: Record<string, number>;
  /**
   * Phones this run adds to the project's (a benchmark's numbering plan): each
   * an endpoint of the project's `phone` template whose contact is the far end.
   */
  extraPhones?: readonly string[];
}

/** A real Asterisk 22.10.1 with the project's configuration, for one test file or one run. */
export interface RunningAsterisk {
  /** Where ARI answers: http://127.0.0.1:PORT (the gateway's ARI_URL). */
  url: string;
  user: string;
  password: string;
  addresses: RunAddresses;
  /** The run's folder (configuration, spool, logs); removed on close. */
  dir: string;
  /** The phones of pjsip.conf, reachable at the far end. */
  phones: string[];
  /** One ARI request with the gateway's account; the parsed JSON (or text) and the status. */
  ari(method: string, path: string, query?: Record<string, string>, body?: unknown): Promise<{ status: number; body: unknown }>;
  /** A CLI command (`asterisk -rx`), its output. */
  cli(command: string): Promise<string>;
  /** What Asterisk printed on its console so far. */
  console(): string;
  close(): Promise<void>;
}

const asteriskConf = (dir: string): string => `[directories]
astetcdir => ${join(dir, 'etc')}
astmoddir => ${ASTERISK_PREFIX}/lib/asterisk/modules
astvarlibdir => ${ASTERISK_PREFIX}/var/lib/asterisk
astdatadir => ${join(dir, 'data')}
astkeydir => ${ASTERISK_PREFIX}/var/lib/asterisk
astagidir => ${ASTERISK_PREFIX}/var/lib/asterisk/agi-bin
astsbindir => ${ASTERISK_PREFIX}/sbin
astspooldir => ${join(dir, 'spool')}
astrundir => ${join(dir, 'run')}
astlogdir => ${join(dir, 'log')}
astdbdir => ${join(dir, 'db')}
astcachedir => ${join(dir, 'cache')}

[options]

`;

async function runAddresses(): Promise<RunAddresses> {
  const rtpStart = 20000 + 2 * Math.floor(Math.random() * 10000);
  return {
    httpPort: await freePort(),
    sipPort: await freePort(),
    farEndHost: FAR_END_HOST,
    farEndSipPort: await freePort(FAR_END_HOST),
    rtpStart,
    rtpEnd: rtpStart + 199,
  };
}

const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/**
 * Starts the reference Asterisk (installing it first when missing) with the
 * files of docker/asterisk as they are, plus this run's site files: its own
 * ports on loopback, its own writable folders under a temporary folder, and
 * far ends that are this same Asterisk (site-config.ts). Resolves once ARI
 * answers and every phone is online. A start that fails (a port taken between
 * choosing it and Asterisk binding it, most likely) is tried once more on
 * other ports.
 */
export async function startAsterisk(options: StartAsteriskOptions = {}): Promise<RunningAsterisk> {
  await installAsterisk();
  try {
    return await startOnce(options);
  } catch (first) {
    try {
      return await startOnce(options);
    } catch {
      throw first;
    }
  }
}

async function startOnce(options: StartAsteriskOptions): Promise<RunningAsterisk> {
  const dir = mkdtempSync(join(tmpdir(), 'pbx-gateway-asterisk-'));
  for (const sub of ['etc', 'spool/recording', 'run', 'log', 'db', 'cache']) mkdirSync(join(dir, sub), { recursive: true });
  prepareDataDir(join(dir, 'data'), options.sounds ?? {});
  const etc = join(dir, 'etc');
  for (const file of projectAsteriskConfigFiles()) copyFileSync(join(projectAsteriskConfigDir(), file), join(etc, file));
  const confFile = join(etc, 'asterisk.conf');
  writeFileSync(confFile, asteriskConf(dir));
  const phones = configuredPhones();
  const { user, password } = configuredAriUser();
  const addresses = await runAddresses();
  const extraPhones = options.extraPhones ?? [];
  for (const [file, content] of Object.entries(siteFiles(addresses, phones, extraPhones))) writeFileSync(join(etc, file), content);

  const child = spawn(ASTERISK_BINARY, ['-f', '-C', confFile], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-200_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => {
    live.delete(child);
    resolve();
  }));
  let gone = false;
  void exited.then(() => {
    gone = true;
  });

  const url = `http://127.0.0.1:${addresses.httpPort}`;
  const authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  const ari: RunningAsterisk['ari'] = async (method, path, query, body) => {
    const target = new URL(`${url}/ari${path}`);
    for (const [key, value] of Object.entries(query ?? {})) target.searchParams.set(key, value);
    const response = await fetch(target, {
      method,
      headers: { authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      // Not every answer is JSON (404 of the HTTP server, for one).
    }
    return { status: response.status, body: parsed };
  };
  const cli = async (command: string): Promise<string> => (await run(ASTERISK_BINARY, ['-C', confFile, '-rx', command])).stdout;

  const stop = async (): Promise<void> => {
    if (!gone) {
      await cli('core stop now').catch(() => child.kill('SIGTERM'));
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const timeoutMs = options.startTimeoutMs ?? 30000;
  const deadline = Date.now() + timeoutMs;
  const pending = new Set([...phones.map((phone) => phone.resource), ...extraPhones]);
  let nextQualify = 0;
  let identified = false;
  const token = dir.slice(-6).replace(/[^0-9a-zA-Z]/g, 'x');
  try {
    for (;;) {
      if (gone) throw new Error(`Asterisk exited while starting:\n${output.slice(-4000)}`);
      if (Date.now() > deadline) throw new Error(`Asterisk was not ready within ${timeoutMs} ms (ARI on ${url}; phones not online: ${[...pending].join(', ') || 'none'}):\n${output.slice(-4000)}`);
      const info = await ari('GET', '/asterisk/info').catch(() => ({ status: 0, body: undefined }));
      if (info.status === 200) {
        if (!identified) {
          // Whoever answers on this port must be this run's Asterisk, not another that took the port first.
          await cli(`dialplan set global RIG_RUN ${token}`);
          const seen = await ari('GET', '/asterisk/variable', { variable: 'RIG_RUN' });
          if ((seen.body as { value?: string } | undefined)?.value !== token) throw new Error(`another Asterisk answers on ${url}`);
          identified = true;
        }
        // Asterisk spreads its first qualify requests over the qualify period; a phone is online once one is
        // answered, so the rig asks for them at once, and again each second for a phone still waiting.
        if (Date.now() >= nextQualify) {
          nextQualify = Date.now() + 1000;
          for (const resource of pending) await cli(`pjsip qualify ${resource}`);
        }
        for (const resource of [...pending]) {
          const endpoint = await ari('GET', `/endpoints/PJSIP/${resource}`);
          if ((endpoint.body as { state?: string } | undefined)?.state === 'online') pending.delete(resource);
        }
        if (pending.size === 0) break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    url,
    user,
    password,
    addresses,
    dir,
    phones: [...phones.map((phone) => phone.resource), ...extraPhones],
    ari,
    cli,
    console: () => output,
    close: stop,
  };
}
