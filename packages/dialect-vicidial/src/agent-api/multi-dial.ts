import type { MultiDialOutcome } from '@pbx-gateway/core';

/** The `multi_dial_phones` entries VICIdial keeps: 5 to 18 characters, none contained (as a substring) in those kept before it. */
export function multiDialNumbers(given: string): { kept: string[]; given: number } {
  const entries = given.split(',');
  const kept: string[] = [];
  for (const entry of entries) {
    if (entry.length > 4 && entry.length < 19 && !kept.join(',').includes(entry)) kept.push(entry);
  }
  return { kept, given: entries.length };
}

/**
 * The rows VICIdial's MySQL reports for its one row per agent
 * (`INSERT … ON DUPLICATE KEY UPDATE`): 1 for the agent's first request, 2
 * when it replaces an earlier one, 0 when the earlier one is the same to the
 * second (the same numbers asked within the same second change nothing).
 */
export function storedMultiDialRows({ request, replaced }: MultiDialOutcome): number {
  if (replaced === null) return 1;
  const sameSecond = Math.floor(replaced.requestedAt.getTime() / 1000) === Math.floor(request.requestedAt.getTime() / 1000);
  return sameSecond && replaced.numbers.join(',') === request.numbers.join(',') ? 0 : 2;
}
