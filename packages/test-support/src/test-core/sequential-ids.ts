import type { IdSource } from '@pbx-gateway/core';

/**
 * Repeatable identifiers: `id-1`, `id-2` ...; "random" hex from a seeded
 * generator; `randomInt` answers from a list a test sets, else 0.
 */
export class SequentialIds implements IdSource {
  private counter = 0;
  private seed: number;
  private readonly intAnswers: number[] = [];

  constructor(seed = 0x2f6b1d3) {
    this.seed = seed;
  }

  newId(): string {
    this.counter += 1;
    return `id-${this.counter}`;
  }

  /** The id the next `newId()` will return. */
  peekNextId(): string {
    return `id-${this.counter + 1}`;
  }

  randomHex(bytes: number): string {
    let out = '';
    for (let i = 0; i < bytes; i += 1) out += this.nextByte().toString(16).padStart(2, '0');
    return out;
  }

  randomInt(below: number): number {
    const answer = this.intAnswers.shift() ?? 0;
    if (answer < 0 || answer >= below) throw new Error(`scripted randomInt ${answer} is outside [0, ${below})`);
    return answer;
  }

  /** The next `randomInt` calls answer these values, in order. */
  answerRandomInts(...values: number[]): void {
    this.intAnswers.push(...values);
  }

  // mulberry32
  private nextByte(): number {
    this.seed = (this.seed + 0x6d2b79f5) | 0;
    let t = this.seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
}
