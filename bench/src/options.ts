export const SCENARIO_IDS = ['version', 'external-pause', 'call-setup', 'playvoice', 'listcalls', 'agent-status', 'logged-in-agents', 'cc-gateway'] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

/** Where the calls run: the project's simulator, or the reference Asterisk 22 from ../shared/asterisk. */
export type BenchEngine = 'sim' | 'asterisk';

/** What the real Asterisk can run: the other scenarios' numbering plan (2,400 phones) is the simulator's. */
export const ASTERISK_SCENARIOS: readonly ScenarioId[] = ['call-setup'];

export interface BenchOptions {
  only: ScenarioId[];
  engine: BenchEngine;
  durationSec: number;
  warmupSec: number;
  /** Run the gateway under `--cpu-prof` and print the top functions after this scenario. */
  profile: ScenarioId | null;
  /** Have the gateway write a heap snapshot where its memory is read under load, and summarise it. */
  heapSnapshot: boolean;
}

export const USAGE = `usage: npm run bench -- [--only ${SCENARIO_IDS.join(',')}] [--engine sim|asterisk] [--duration 10] [--warmup 3] [--profile <scenario>] [--heap-snapshot]

  --only       run these scenarios (and the baselines they are compared with); default all
  --engine     sim (default): pbx-sim in its own process; asterisk: the reference
               Asterisk 22 from ../shared/asterisk with the project's configuration
               and real SIP far ends (runs ${ASTERISK_SCENARIOS.join(', ')} only)
  --duration   seconds of each measurement (default 10)
  --warmup     seconds of warm-up before each measurement (default 3)
  --profile    run the gateway under node --cpu-prof, run only this scenario, and print
               the 25 functions with the most self time (profile in bench/results/profiles)
  --heap-snapshot  have the gateway write a heap snapshot where the cc-gateway scenario
               reads its memory (1,000 agents, 1,000 calls), and print what holds the heap
               (snapshot in bench/results/heap)
`;

export class UsageError extends Error {}

export function parseOptions(argv: string[]): BenchOptions {
  const options: BenchOptions = { only: [...SCENARIO_IDS], engine: 'sim', durationSec: 10, warmupSec: 3, profile: null, heapSnapshot: false };
  let onlyGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const next = inline ?? argv[++i];
      if (next === undefined) throw new UsageError(`${name} needs a value`);
      return next;
    };
    switch (name) {
      case '--only':
        options.only = value().split(',').map((id) => scenarioId(id.trim()));
        onlyGiven = true;
        break;
      case '--engine': {
        const engine = value();
        if (engine !== 'sim' && engine !== 'asterisk') throw new UsageError(`--engine is sim or asterisk, not ${engine}`);
        options.engine = engine;
        break;
      }
      case '--duration':
        options.durationSec = seconds(value(), name, 1);
        break;
      case '--warmup':
        options.warmupSec = seconds(value(), name, 0);
        break;
      case '--profile':
        options.profile = scenarioId(value());
        break;
      case '--heap-snapshot':
        options.heapSnapshot = true;
        break;
      case '--help':
      case '-h':
        throw new UsageError('');
      default:
        throw new UsageError(`unknown argument ${arg}`);
    }
  }
  if (options.engine === 'asterisk') {
    if (!onlyGiven && !options.profile) options.only = [...ASTERISK_SCENARIOS];
    const unsupported = [...options.only, ...(options.profile ? [options.profile] : [])].filter((id) => !ASTERISK_SCENARIOS.includes(id));
    if (unsupported.length > 0) throw new UsageError(`on the real Asterisk the bench runs ${ASTERISK_SCENARIOS.join(', ')} only, not ${unsupported.join(', ')}`);
  }
  if (options.profile && !onlyGiven) options.only = [options.profile];
  if (options.profile && !options.only.includes(options.profile)) options.only.push(options.profile);
  // Always in the documented order, whatever order --only names them in.
  options.only = SCENARIO_IDS.filter((id) => options.only.includes(id));
  return options;
}

function scenarioId(value: string): ScenarioId {
  if ((SCENARIO_IDS as readonly string[]).includes(value)) return value as ScenarioId;
  throw new UsageError(`unknown scenario ${value} (known: ${SCENARIO_IDS.join(', ')})`);
}

function seconds(value: string, name: string, minimum: number): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number < minimum) throw new UsageError(`${name} must be a number of seconds ≥ ${minimum}`);
  return number;
}
