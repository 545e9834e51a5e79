import type { MemoryReading } from '../scenarios/bench-context';
import type { ResultRow } from './result-row';

export interface TargetOutcome {
  target: string;
  /** null when the scenario was not run. */
  met: boolean | null;
  measured: string;
}

/** The product owner's targets, judged on this run's own baselines. */
export function judgeTargets(rows: readonly ResultRow[], memory: readonly MemoryReading[]): TargetOutcome[] {
  const row = (id: string): ResultRow | undefined => rows.find((candidate) => candidate.id === id);
  const ratioAgainst = (scenario: ResultRow | undefined, prefix: string): number | null =>
    scenario?.ratios.find((item) => item.against.startsWith(prefix))?.value ?? null;
  const outcomes: TargetOutcome[] = [];

  const version = row('version');
  const versionRatio = ratioAgainst(version, 'bare express (');
  // The same route on the gateway's HTTP server separates the gateway's own work from what its server saves.
  const onServer = ratioAgainst(version, "bare express on the gateway's server (");
  outcomes.push({
    target: '`version` ≥ 80 % of bare express',
    met: versionRatio === null ? null : versionRatio >= 0.8,
    measured:
      versionRatio === null ? 'not run' : `${percent(versionRatio)} of bare express${onServer === null ? '' : `; ${percent(onServer)} of the same route on the gateway's server`}`,
  });

  const pause = row('external-pause');
  const pauseRatio = ratioAgainst(pause, 'bare express (');
  // Bare routes committing the same change, on the same scale: how far each target is within reach of any design here.
  const floors = pause ? rows.filter((candidate) => candidate.id.startsWith('bare-express-pg') && candidate.connections === pause.connections) : [];
  const floorName = (floor: ResultRow): string => floor.name.replace(/ \(\d+ conn\)$/, '');
  const within = (parts: string[]): string => (parts.length === 0 ? '' : ` (${parts.join('; ')})`);
  const express = rows.find((candidate) => candidate.name === pause?.ratios.find((item) => item.against.startsWith('bare express ('))?.against);
  const expressRate = express && express.rate > 0 ? express.rate : null;
  outcomes.push({
    target: '`external_pause` ≥ 25 % of bare express',
    met: pauseRatio === null ? null : pauseRatio >= 0.25,
    measured:
      pauseRatio === null || expressRate === null
        ? 'not run'
        : `${percent(pauseRatio)} of bare express${within(floors.map((floor) => `${floorName(floor)}: ${percent(floor.rate / expressRate)}`))}`,
  });
  outcomes.push({
    target: '`external_pause` p99 < 20 ms at 50 connections',
    met: pause ? pause.latencyMs.p99 < 20 : null,
    measured: pause ? `p99 ${pause.latencyMs.p99} ms${within(floors.map((floor) => `${floorName(floor)}: p99 ${floor.latencyMs.p99} ms`))}` : 'not run',
  });

  const loaded = memory.find((reading) => reading.when.includes('agents signed in'));
  outcomes.push({
    target: '1,000 agents signed in and 1,000 calls up in < 200 MiB RSS',
    met: loaded ? loaded.rssMiB < 200 : null,
    measured: loaded ? `${loaded.rssMiB} MiB (${loaded.when})` : 'not run',
  });

  const board = ratioAgainst(row('logged-in-agents'), 'bare express, logged_in_agents body (');
  outcomes.push({
    target: '`logged_in_agents` (500 agents) ≥ 30 % of bare express sending the same body',
    met: board === null ? null : board >= 0.3,
    measured: board === null ? 'not run' : `${percent(board)} of bare express, same body`,
  });
  return outcomes;
}

export function percent(value: number): string {
  return `${Math.round(value * 1000) / 10} %`;
}
