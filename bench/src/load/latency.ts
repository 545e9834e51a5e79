import type { LatencySummary } from './load-spec';

/** Exact percentiles (nearest rank) of the collected samples, in ms with 0.1 ms resolution. */
export function summariseLatencies(samples: number[]): LatencySummary {
  if (samples.length === 0) return { p50: 0, p99: 0, max: 0 };
  const sorted = Float64Array.from(samples).sort();
  const at = (quantile: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(quantile * sorted.length) - 1))]!;
  const round = (value: number): number => Math.round(value * 10) / 10;
  return { p50: round(at(0.5)), p99: round(at(0.99)), max: round(sorted[sorted.length - 1]!) };
}
