import type { Json } from './trace-format';

/**
 * The traces replace generated values with placeholders (<chan1>, <seq2>,
 * <bridge1>, <pb1>, <ts>, <astid>). Comparing a recording of the simulator
 * with a trace binds each numbered placeholder to one value, consistently
 * over the whole scenario and one-to-one, which is the README's
 * normalisation done in reverse: two values the trace tells apart must differ.
 */
const PATTERNS: Readonly<Record<string, string>> = {
  chan: '\\d+\\.\\d+',
  seq: '[0-9a-f]{8}',
  bridge: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
  pb: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
  // Event and snapshot times (ISO with milliseconds and zone), or the build date (`2025-11-20 10:00:00 UTC`).
  ts: '\\d{4}-\\d\\d-\\d\\d(?:T\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4}| \\d\\d:\\d\\d:\\d\\d UTC)',
  astid: '[0-9a-f]{2}(?::[0-9a-f]{2}){5}',
};
const PLACEHOLDER = /<(chan|seq|bridge|pb)(\d+)>|<(ts|astid)>/g;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class Bindings {
  private readonly forward = new Map<string, string>();
  private readonly backward = new Map<string, string>();

  get(placeholder: string): string | undefined {
    return this.forward.get(placeholder);
  }

  placeholderOf(kind: string, value: string): string | undefined {
    return this.backward.get(`${kind}:${value}`);
  }

  snapshot(): [Map<string, string>, Map<string, string>] {
    return [new Map(this.forward), new Map(this.backward)];
  }

  restore([forward, backward]: [Map<string, string>, Map<string, string>]): void {
    this.forward.clear();
    this.backward.clear();
    for (const [k, v] of forward) this.forward.set(k, v);
    for (const [k, v] of backward) this.backward.set(k, v);
  }

  bind(placeholder: string, kind: string, value: string): boolean {
    const bound = this.forward.get(placeholder);
    if (bound !== undefined) return bound === value;
    const owner = this.backward.get(`${kind}:${value}`);
    // Name sequences are numbered per channel (pair) in the traces, and each channel driver keeps its own
    // counter, so two <seqN> may stand for the same digits; every other placeholder is one-to-one.
    if (owner !== undefined && owner !== placeholder && kind !== 'seq') return false;
    this.forward.set(placeholder, value);
    this.backward.set(`${kind}:${value}`, placeholder);
    return true;
  }

  /** Replaces the bound placeholders of a trace string; undefined when one is not bound yet. */
  substitute(text: string): string | undefined {
    let missing = false;
    const result = text.replace(PLACEHOLDER, (whole: string) => {
      const value = this.forward.get(whole);
      if (value === undefined) missing = true;
      return value ?? whole;
    });
    return missing ? undefined : result;
  }

  /** Matches one trace string against an actual string, binding its placeholders. */
  unifyString(expected: string, actual: string): boolean {
    if (!expected.includes('<') || !new RegExp(PLACEHOLDER.source).test(expected)) return expected === actual;
    const groups: { placeholder: string; kind: string }[] = [];
    let source = '^';
    let last = 0;
    for (const match of expected.matchAll(PLACEHOLDER)) {
      source += escape(expected.slice(last, match.index));
      const placeholder = match[0];
      const kind = match[1] ?? match[3] ?? '';
      const bound = kind === 'ts' || kind === 'astid' ? undefined : this.forward.get(placeholder);
      if (bound !== undefined) {
        source += escape(bound);
      } else {
        source += `(${PATTERNS[kind] ?? '.+?'})`;
        groups.push({ placeholder, kind });
      }
      last = (match.index ?? 0) + placeholder.length;
    }
    source += `${escape(expected.slice(last))}$`;
    const found = new RegExp(source).exec(actual);
    if (!found) return false;
    return groups.every((g, i) => g.kind === 'ts' || g.kind === 'astid' || this.bind(g.placeholder, g.kind, found[i + 1] ?? ''));
  }

  /**
   * Deep match: same types, same object keys in the same order (Asterisk's
   * field order is part of the contract), arrays element by element.
   */
  unify(expected: Json, actual: Json | undefined): boolean {
    if (actual === undefined) return false;
    if (typeof expected === 'string') return typeof actual === 'string' && this.unifyString(expected, actual);
    if (expected === null || typeof expected !== 'object') return expected === actual;
    if (Array.isArray(expected)) {
      return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => this.unify(e, actual[i]));
    }
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    const keys = Object.keys(expected);
    const actualKeys = Object.keys(actual);
    if (keys.length !== actualKeys.length || keys.some((k, i) => actualKeys[i] !== k)) return false;
    return keys.every((k) => this.unify(expected[k] ?? null, actual[k]));
  }

  /** Like unify, but leaves the bindings untouched when the match fails. */
  tryUnify(expected: Json, actual: Json | undefined): boolean {
    const saved = this.snapshot();
    if (this.unify(expected, actual)) return true;
    this.restore(saved);
    return false;
  }

  /** Matches arrays whose order carries no meaning (GET /channels), element by element with backtracking. */
  unifyUnordered(expected: Json[], actual: Json[]): boolean {
    if (expected.length !== actual.length) return false;
    const used = new Set<number>();
    const step = (i: number): boolean => {
      if (i === expected.length) return true;
      for (let j = 0; j < actual.length; j++) {
        if (used.has(j)) continue;
        const saved = this.snapshot();
        if (this.unify(expected[i] ?? null, actual[j])) {
          used.add(j);
          if (step(i + 1)) return true;
          used.delete(j);
        }
        this.restore(saved);
      }
      return false;
    };
    return step(0);
  }
}
