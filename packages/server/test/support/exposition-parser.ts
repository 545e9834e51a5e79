/**
 * A strict reader of the Prometheus text format 0.0.4, for the tests of
 * `/metrics`: anything the format does not allow, or that Prometheus would
 * read differently from what was meant, throws.
 */

export type MetricType = 'counter' | 'gauge' | 'histogram';
export type LabelSet = Readonly<Record<string, string>>;

export interface ParsedSample {
  name: string;
  labels: LabelSet;
  value: number;
}

export interface ParsedHistogram {
  labels: LabelSet;
  bounds: number[];
  /** Cumulative, as written: one per bound, then +Inf. */
  buckets: number[];
  sum: number;
  count: number;
}

export interface ParsedFamily {
  name: string;
  type: MetricType;
  help: string;
  samples: ParsedSample[];
  /** The value of the one sample with exactly these labels; throws when there is none. */
  value(labels: LabelSet): number;
  histogram(labels: LabelSet): ParsedHistogram;
  histograms(): ParsedHistogram[];
}

export interface ParsedExposition {
  families: ReadonlyMap<string, ParsedFamily>;
  family(name: string, type: MetricType): ParsedFamily;
  /** Every label value but `le` (a bucket bound, not data). */
  labelValues(): string[];
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const FLOAT = /^(?:[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|[+-]Inf|NaN)$/;

export function parseExposition(text: string): ParsedExposition {
  if (!text.endsWith('\n')) throw new Error('the exposition must end with a newline');
  const families = new Map<string, { name: string; type: MetricType | null; help: string | null; samples: ParsedSample[] }>();
  const seenSamples = new Set<string>();
  let current: string | null = null;
  const lines = text.slice(0, -1).split('\n');
  lines.forEach((line, index) => {
    const where = `line ${index + 1} (${JSON.stringify(line)})`;
    if (line === '') throw new Error(`${where}: empty line`);
    if (line.startsWith('#')) {
      const match = /^# (HELP|TYPE) (\S+) (.*)$/.exec(line);
      if (!match) throw new Error(`${where}: a comment that is neither HELP nor TYPE`);
      const [, kind, name, rest] = match as unknown as [string, 'HELP' | 'TYPE', string, string];
      if (!METRIC_NAME.test(name)) throw new Error(`${where}: bad metric name`);
      let family = families.get(name);
      if (family && current !== name) throw new Error(`${where}: ${name} appears in two places`);
      if (!family) {
        family = { name, type: null, help: null, samples: [] };
        families.set(name, family);
      }
      current = name;
      if (family.samples.length > 0) throw new Error(`${where}: ${kind} after the samples of ${name}`);
      if (kind === 'HELP') {
        if (family.help !== null) throw new Error(`${where}: a second HELP`);
        family.help = unescapeHelp(rest, where);
      } else {
        if (family.type !== null) throw new Error(`${where}: a second TYPE`);
        if (rest !== 'counter' && rest !== 'gauge' && rest !== 'histogram') throw new Error(`${where}: unexpected type ${rest}`);
        family.type = rest;
      }
      return;
    }
    const sample = parseSample(line, where);
    const family = current === null ? undefined : families.get(current);
    if (!family || family.type === null || family.help === null) throw new Error(`${where}: a sample before its family's HELP and TYPE`);
    const allowed = family.type === 'histogram' ? [`${family.name}_bucket`, `${family.name}_sum`, `${family.name}_count`] : [family.name];
    if (!allowed.includes(sample.name)) throw new Error(`${where}: ${sample.name} is not a sample of the ${family.type} ${family.name}`);
    if (family.type === 'counter' && !(sample.value >= 0)) throw new Error(`${where}: a counter below zero`);
    if (sample.name.endsWith('_bucket') && family.type === 'histogram' && sample.labels.le === undefined) throw new Error(`${where}: a bucket without le`);
    if (family.type !== 'histogram' || !sample.name.endsWith('_bucket')) {
      if ('le' in sample.labels) throw new Error(`${where}: le outside a bucket`);
    }
    const key = `${sample.name}${JSON.stringify(Object.entries(sample.labels).sort())}`;
    if (seenSamples.has(key)) throw new Error(`${where}: the same series twice`);
    seenSamples.add(key);
    family.samples.push(sample);
  });

  const parsedFamilies = new Map<string, ParsedFamily>();
  for (const family of families.values()) {
    if (family.type === null || family.help === null) throw new Error(`${family.name}: HELP and TYPE are both required`);
    const type = family.type;
    const histograms = type === 'histogram' ? readHistograms(family.name, family.samples) : [];
    parsedFamilies.set(family.name, {
      name: family.name,
      type,
      help: family.help,
      samples: family.samples,
      value(labels) {
        const found = family.samples.filter((sample) => sameLabels(sample.labels, labels));
        if (found.length !== 1) throw new Error(`${family.name}${JSON.stringify(labels)}: ${found.length} samples`);
        return found[0]!.value;
      },
      histogram(labels) {
        const found = histograms.find((histogram) => sameLabels(histogram.labels, labels));
        if (!found) throw new Error(`${family.name}${JSON.stringify(labels)}: no such histogram`);
        return found;
      },
      histograms: () => histograms,
    });
  }
  return {
    families: parsedFamilies,
    family(name, type) {
      const family = parsedFamilies.get(name);
      if (!family) throw new Error(`no family ${name}`);
      if (family.type !== type) throw new Error(`${name} is a ${family.type}, not a ${type}`);
      return family;
    },
    labelValues: () =>
      [...parsedFamilies.values()].flatMap((family) => family.samples.flatMap((sample) => Object.entries(sample.labels).filter(([name]) => name !== 'le').map(([, value]) => value))),
  };
}

function parseSample(line: string, where: string): ParsedSample {
  const open = line.indexOf('{');
  const space = line.indexOf(' ');
  let name: string;
  let labels: Record<string, string> = {};
  let rest: string;
  if (open !== -1 && (space === -1 || open < space)) {
    name = line.slice(0, open);
    const read = readLabels(line, open + 1, where);
    labels = read.labels;
    if (line[read.end] !== ' ') throw new Error(`${where}: no space after the labels`);
    rest = line.slice(read.end + 1);
  } else {
    if (space === -1) throw new Error(`${where}: no value`);
    name = line.slice(0, space);
    rest = line.slice(space + 1);
  }
  if (!METRIC_NAME.test(name)) throw new Error(`${where}: bad metric name`);
  // A timestamp may follow; this gateway writes none.
  if (!FLOAT.test(rest)) throw new Error(`${where}: bad value ${JSON.stringify(rest)}`);
  return { name, labels, value: toNumber(rest) };
}

function readLabels(line: string, start: number, where: string): { labels: Record<string, string>; end: number } {
  const labels: Record<string, string> = {};
  let at = start;
  if (line[at] === '}') throw new Error(`${where}: empty braces`);
  for (;;) {
    const equals = line.indexOf('=', at);
    if (equals === -1) throw new Error(`${where}: a label without =`);
    const name = line.slice(at, equals);
    if (!LABEL_NAME.test(name) || name.startsWith('__')) throw new Error(`${where}: bad label name ${JSON.stringify(name)}`);
    if (name in labels) throw new Error(`${where}: label ${name} twice`);
    if (line[equals + 1] !== '"') throw new Error(`${where}: label value not quoted`);
    let value = '';
    at = equals + 2;
    for (;;) {
      const char = line[at];
      if (char === undefined) throw new Error(`${where}: unterminated label value`);
      if (char === '"') break;
      if (char === '\\') {
        const next = line[at + 1];
        if (next === '\\') value += '\\';
        else if (next === '"') value += '"';
        else if (next === 'n') value += '\n';
        else throw new Error(`${where}: bad escape \\${next ?? ''}`);
        at += 2;
        continue;
      }
      value += char;
      at += 1;
    }
    labels[name] = value;
    at += 1;
    if (line[at] === '}') return { labels, end: at + 1 };
    if (line[at] !== ',') throw new Error(`${where}: expected , or } after a label`);
    at += 1;
  }
}

function readHistograms(name: string, samples: readonly ParsedSample[]): ParsedHistogram[] {
  const byLabels = new Map<string, ParsedHistogram & { sawSum: boolean; sawCount: boolean }>();
  for (const sample of samples) {
    const { le, ...labels } = sample.labels;
    const key = JSON.stringify(Object.entries(labels).sort());
    let histogram = byLabels.get(key);
    if (!histogram) {
      histogram = { labels, bounds: [], buckets: [], sum: NaN, count: NaN, sawSum: false, sawCount: false };
      byLabels.set(key, histogram);
    }
    if (sample.name === `${name}_bucket`) {
      if (histogram.sawSum || histogram.sawCount) throw new Error(`${name}${key}: a bucket after _sum or _count`);
      const bound = toNumber(le!);
      const last = histogram.bounds[histogram.bounds.length - 1];
      if (last !== undefined && !(bound > last)) throw new Error(`${name}${key}: bucket bounds not ascending`);
      const previous = histogram.buckets[histogram.buckets.length - 1];
      if (previous !== undefined && sample.value < previous) throw new Error(`${name}${key}: buckets not cumulative`);
      if (!Number.isInteger(sample.value)) throw new Error(`${name}${key}: a bucket count that is not whole`);
      histogram.bounds.push(bound);
      histogram.buckets.push(sample.value);
    } else if (sample.name === `${name}_sum`) {
      histogram.sum = sample.value;
      histogram.sawSum = true;
    } else {
      histogram.count = sample.value;
      histogram.sawCount = true;
    }
  }
  return [...byLabels.values()].map(({ sawSum, sawCount, ...histogram }) => {
    const where = `${name}${JSON.stringify(histogram.labels)}`;
    if (!sawSum || !sawCount) throw new Error(`${where}: _sum and _count are both required`);
    if (histogram.bounds[histogram.bounds.length - 1] !== Infinity) throw new Error(`${where}: no +Inf bucket`);
    if (histogram.buckets[histogram.buckets.length - 1] !== histogram.count) throw new Error(`${where}: +Inf differs from _count`);
    return { ...histogram, bounds: histogram.bounds.slice(0, -1) };
  });
}

const sameLabels = (a: LabelSet, b: LabelSet): boolean => {
  const names = Object.keys(a);
  return names.length === Object.keys(b).length && names.every((name) => a[name] === b[name]);
};

function toNumber(text: string): number {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  if (text === 'NaN') return NaN;
  if (!FLOAT.test(text)) throw new Error(`not a number: ${text}`);
  return Number(text);
}

function unescapeHelp(text: string, where: string): string {
  return text.replace(/\\(.?)/g, (_all, next: string) => {
    if (next === '\\') return '\\';
    if (next === 'n') return '\n';
    throw new Error(`${where}: bad escape in HELP`);
  });
}
