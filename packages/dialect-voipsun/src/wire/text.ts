/**
 * The first `max` characters of `value`, counted in code points: cutting
 * between the halves of a surrogate pair would leave text that neither JSON
 * columns nor the engine accept.
 */
export function truncate(value: string, max: number): string {
  if (value.length <= max) return value;
  return Array.from(value).slice(0, max).join('');
}
