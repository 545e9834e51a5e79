/**
 * The Prometheus text exposition format, version 0.0.4: what `/metrics`
 * answers. Small enough to write here rather than depend on a client library.
 */
export const EXPOSITION_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export type Labels = Readonly<Record<string, string>>;

export interface Sample {
  labels: Labels;
  value: number;
}

/** One labelled histogram: `counts[i]` observations fell in bucket i alone (the last one: above every bound). */
export interface HistogramSample {
  labels: Labels;
  counts: ArrayLike<number>;
  sum: number;
}

export type MetricFamily =
  | { name: string; help: string; type: 'counter' | 'gauge'; samples: readonly Sample[] }
  | { name: string; help: string; type: 'histogram'; bounds: readonly number[]; samples: readonly HistogramSample[] };

export function formatExposition(families: readonly MetricFamily[]): string {
  let text = '';
  for (const family of families) {
    text += `# HELP ${family.name} ${escapeHelp(family.help)}\n# TYPE ${family.name} ${family.type}\n`;
    if (family.type === 'histogram') {
      for (const sample of family.samples) text += histogramLines(family.name, family.bounds, sample);
    } else {
      for (const sample of family.samples) text += `${family.name}${labelSet(sample.labels)} ${formatValue(sample.value)}\n`;
    }
  }
  return text;
}

/** Buckets are cumulative in the format: each counts everything at or below its bound, `+Inf` everything. */
function histogramLines(name: string, bounds: readonly number[], sample: HistogramSample): string {
  if (sample.counts.length !== bounds.length + 1) throw new Error(`histogram ${name} has ${sample.counts.length} counts for ${bounds.length} bounds`);
  let lines = '';
  let cumulative = 0;
  for (let i = 0; i <= bounds.length; i += 1) {
    cumulative += sample.counts[i]!;
    const le = i < bounds.length ? formatValue(bounds[i]!) : '+Inf';
    lines += `${name}_bucket${labelSet({ ...sample.labels, le })} ${formatValue(cumulative)}\n`;
  }
  lines += `${name}_sum${labelSet(sample.labels)} ${formatValue(sample.sum)}\n`;
  lines += `${name}_count${labelSet(sample.labels)} ${formatValue(cumulative)}\n`;
  return lines;
}

function labelSet(labels: Labels): string {
  const names = Object.keys(labels);
  if (names.length === 0) return '';
  return `{${names.map((name) => `${name}="${escapeLabelValue(labels[name]!)}"`).join(',')}}`;
}

export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function escapeHelp(help: string): string {
  return help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}
