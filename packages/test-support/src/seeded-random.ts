/**
 * A small seeded generator (mulberry32): the same seed gives the same
 * sequence, so a failing run is reproduced by its printed seed.
 */
export interface SeededRandom {
  readonly seed: number;
  next(): number;
  int(max: number): number;
  /** An integer in [min, max]. */
  between(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number): number => Math.floor(next() * max);
  return {
    seed: seed >>> 0,
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(items.length)]!;
    },
    chance: (probability) => next() < probability,
  };
}

/** The seed of a run: FUZZ_SEED when set (to reproduce a run), else a fresh one. */
export function runSeed(env: NodeJS.ProcessEnv = process.env): number {
  const given = env.FUZZ_SEED;
  if (given !== undefined && given !== '') {
    const parsed = Number(given);
    if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`FUZZ_SEED must be a non-negative integer, got ${given}`);
    return parsed >>> 0;
  }
  return Math.floor(Math.random() * 2 ** 32) >>> 0;
}
