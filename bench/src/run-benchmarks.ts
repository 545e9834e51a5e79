import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createBenchDatabase, type BenchDatabase } from './harness/bench-database';
import { startCallbackReceiver, type CallbackReceiver } from './harness/callback-receiver';
import { killAllChildrenNow, stopAllChildren } from './harness/child-processes';
import { newestProfile, topFunctionsBySelfTime, type ProfileSummary, type ProfileWindow } from './harness/cpu-profile';
import { launchGateway, type RunningGatewayProcess } from './harness/gateway-process';
import { startBenchEngine, type RunningBenchEngine } from './harness/bench-engine';
import { gatewayMemory } from './harness/process-memory';
import { VoipsunClient } from './load/voipsun-client';
import { parseOptions, USAGE, UsageError, type BenchOptions } from './options';
import { VOIPSUN_API } from './plan/bench-plan';
import { benchGatewayConfig, benchProvisioning } from './plan/bench-provisioning';
import { describeMachine } from './report/machine';
import { consoleReport } from './report/console-report';
import type { ResultRow } from './report/result-row';
import type { Results } from './report/results-file';
import { markdownTable } from './report/results-table';
import { judgeTargets } from './report/targets';
import { Baselines } from './scenarios/baselines';
import { loadWindows, type BenchContext, type MemoryReading } from './scenarios/bench-context';
import { SCENARIOS } from './scenarios/scenario-registry';
import { StandingCalls } from './scenarios/standing-calls';

const REPOSITORY = resolve(__dirname, '..', '..');
const RESULTS_DIR = join(REPOSITORY, 'bench', 'results');
const PROFILE_DIR = join(RESULTS_DIR, 'profiles');
const HEAP_DIR = join(RESULTS_DIR, 'heap');

let database: BenchDatabase | null = null;
/** Set on SIGINT/SIGTERM: the run stops, and its partial results are not written. */
let interrupted = false;

function say(message: string): void {
  process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** Nothing the bench started may outlive it: children are killed and the database dropped on every way out. */
function cleanUpOnExit(): void {
  process.on('exit', () => {
    killAllChildrenNow();
    database?.dropNow();
  });
  const interrupt = (signal: NodeJS.Signals): void => {
    if (interrupted) return;
    interrupted = true;
    say(`${signal}: stopping everything the bench started`);
    stopAllChildren()
      .then(() => database?.drop())
      .catch(() => undefined)
      .finally(() => process.exit(130));
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
}

async function main(argv: string[]): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      if (error.message) process.stderr.write(`${error.message}\n`);
      process.stderr.write(USAGE);
      return error.message ? 2 : 0;
    }
    throw error;
  }
  cleanUpOnExit();
  const startedAt = new Date();
  const machine = describeMachine();
  say(`${machine.nproc} × ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}; scenarios: ${options.only.join(', ')}; ${options.durationSec} s + ${options.warmupSec} s warm-up each`);

  database = await createBenchDatabase(process.env.DATABASE_URL);
  say(`database: ${database.description}`);
  let receiver: CallbackReceiver | null = null;
  let engine: RunningBenchEngine | null = null;
  let gateway: RunningGatewayProcess | null = null;
  try {
    receiver = await startCallbackReceiver();
    if (options.engine === 'asterisk') say('starting the reference Asterisk (installed from ../shared/asterisk when missing)');
    engine = await startBenchEngine(options.engine);
    say(engine.description);
    if (options.profile) mkdirSync(PROFILE_DIR, { recursive: true });
    if (options.heapSnapshot) mkdirSync(HEAP_DIR, { recursive: true });
    say(`starting the gateway (migrations, provisioning with production password hashing${options.engine === 'sim' ? ', 200 agent sessions' : ''})`);
    gateway = await launchGateway({
      databaseUrl: database.url,
      ariUrl: engine.url,
      ariUser: engine.gateway.user,
      ariPassword: engine.gateway.password,
      provisioning: benchProvisioning({ callbackUrl: receiver.url, engine: options.engine }),
      config: benchGatewayConfig(),
      cpuProfileDir: options.profile ? PROFILE_DIR : undefined,
      heapSnapshotDir: options.heapSnapshot ? HEAP_DIR : undefined,
      keepLogAt: join(RESULTS_DIR, 'gateway.log'),
      // Hashing the provisioned secrets took over 10 minutes at load averages above 20.
      startTimeoutMs: 1_800_000,
    });
    const gatewayStartupMs = gateway.startupMs;
    say(`gateway (pid ${gateway.pid}) listening at ${gateway.url} after ${(gatewayStartupMs / 1000).toFixed(1)} s`);
    await new Promise((done) => setTimeout(done, 2000));

    const memory: MemoryReading[] = [{ when: 'idle after start', ...(await gatewayMemory(gateway.pid, gateway.url)) }];
    const rows: ResultRow[] = [];
    const context: BenchContext = {
      options,
      gatewayUrl: gateway.url,
      gatewayPid: gateway.pid,
      engine,
      database,
      callbacks: receiver,
      baselines: new Baselines(() => context),
      standingCalls: new StandingCalls(new VoipsunClient(gateway.url, VOIPSUN_API.login, VOIPSUN_API.secret)),
      memory,
      heapSnapshotDir: options.heapSnapshot ? HEAP_DIR : null,
      heapSnapshots: [],
      rows,
    };
    const failures: Results['failures'] = [];
    const profileWindows: ProfileWindow[] = [];
    const gatewaySpawnedAt = gateway.spawnedAt;
    for (const id of options.only) {
      if (interrupted) break;
      say(`scenario ${id}`);
      const scenarioStart = Date.now();
      try {
        const row = await SCENARIOS[id](context);
        rows.push(row);
        say(`  ${row.name}: ${row.rate} ${row.unit}, p50 ${row.latencyMs.p50} / p99 ${row.latencyMs.p99} / max ${row.latencyMs.max} ms, ${row.errors} errors`);
      } catch (error) {
        if (interrupted) break;
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        failures.push({ scenario: id, error: message });
        say(`  ${id} FAILED: ${message}`);
      }
      if (id === options.profile) {
        // Only the scenario's own load on the gateway: not its set-up, not the baselines.
        for (const window of loadWindows) {
          if (window.url !== gateway.url || window.start < scenarioStart) continue;
          profileWindows.push({ fromMs: window.start - gatewaySpawnedAt, toMs: window.end - gatewaySpawnedAt });
        }
      }
    }
    if (interrupted) return 130;
    memory.push({ when: 'at the end', ...(await gatewayMemory(gateway.pid, gateway.url)) });

    say(`stopping the gateway (its log is kept in ${join(RESULTS_DIR, 'gateway.log')})`);
    const gatewayLog = gateway.logSummary();
    const gatewayExit = await gateway.stop();
    gateway = null;
    const profile = options.profile ? profileSummary(profileWindows) : undefined;

    const ordered = [...rows.filter((row) => row.kind === 'baseline'), ...rows.filter((row) => row.kind === 'scenario')];
    const targets = judgeTargets(ordered, memory);
    const results: Results = {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      machine,
      options,
      database: database.description,
      engine: engine.description,
      gatewayStartupMs,
      memory,
      rows: ordered,
      targets,
      failures,
      gatewayExit,
      gatewayLog,
      markdown: markdownTable(ordered),
      profile,
      heapSnapshots: context.heapSnapshots,
    };
    process.stdout.write(consoleReport(results));
    const file = join(RESULTS_DIR, options.profile ? `profile-${options.profile}.json` : 'latest.json');
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    say(`results written to ${file}`);
    return failures.length > 0 ? 1 : 0;
  } finally {
    await gateway?.stop();
    await receiver?.close();
    await engine?.stop();
    await stopAllChildren();
    await database.drop();
  }
}

function profileSummary(windows: ProfileWindow[]): ProfileSummary | undefined {
  const file = newestProfile(PROFILE_DIR);
  if (!file) {
    say(`no .cpuprofile found in ${PROFILE_DIR}`);
    return undefined;
  }
  return topFunctionsBySelfTime(file, 25, REPOSITORY, windows);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
