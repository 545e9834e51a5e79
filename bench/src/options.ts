export const SCENARIO_IDS = ['version', 'external-pause', 'call-setup', 'playvoice', 'listcalls', 'cc-gateway'] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

export interface BenchOptions {
  only: ScenarioId[];
  durationSec: number;
  warmupSec: number;
  /** Run the gateway under `--cpu-prof` and print the top functions after this scenario. */
  profile: ScenarioId | null;
}

export const USAGE = `usage: npm run bench -- [--only ${SCENARIO_IDS.join(',')}] [--duration 10] [--warmup 3] [--profile <scenario>]

  --only       run these scenarios (and the baselines they are compared with); default all
  --duration   seconds of each measurement (default 10)
  --warmup     seconds of warm-up before each measurement (default 3)
  --profile    run the gateway under node --cpu-prof, run only this scenario, and print
               the 25 functions with the most self time (profile in bench/results/profiles)
`;

export class UsageError extends Error {}

export function parseOptions(argv: string[]): BenchOptions {
  const options: BenchOptions = { only: [...SCENARIO_IDS], durationSec: 10, warmupSec: 3, profile: null };
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
      case '--duration':
        options.durationSec = seconds(value(), name, 1);
        break;
      case '--warmup':
        options.warmupSec = seconds(value(), name, 0);
        break;
      case '--profile':
        options.profile = scenarioId(value());
        break;
      case '--help':
      case '-h':
        throw new UsageError('');
      default:
        throw new UsageError(`unknown argument ${arg}`);
    }
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
