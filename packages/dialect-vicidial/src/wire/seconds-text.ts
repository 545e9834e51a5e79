/**
 * VICIdial's `sec_convert`: seconds as its reports print them. `H` and `HF`
 * give hours:minutes:seconds (`1:23:45`), `M` minutes:seconds (`83:45`),
 * `S` the seconds; under one second `0:00:00` for H and HF, `0` for S and
 * `0:00` for anything else, and from one second up any other precision
 * prints the seconds. Seconds are rounded half up first, as PHP's `round`.
 */
export function secondsText(seconds: number, precision: string): string {
  const sec = Math.round(seconds);
  if (sec < 1) return precision === 'HF' || precision === 'H' ? '0:00:00' : precision === 'S' ? '0' : '0:00';
  const pad = (value: number): string => String(value).padStart(2, '0');
  if (precision === 'H' || precision === 'HF') {
    const hours = Math.floor(sec / 3600);
    const minutes = Math.floor((sec - hours * 3600) / 60);
    return `${hours}:${pad(minutes)}:${pad(sec - hours * 3600 - minutes * 60)}`;
  }
  if (precision === 'M') {
    const minutes = Math.floor(sec / 60);
    return `${minutes}:${pad(sec - minutes * 60)}`;
  }
  return String(sec);
}

/** PHP's `round($value, 1)` as `echo` prints it: `16.7`, `100` (no `.0`). */
export const phpRoundOne = (value: number): string => String(Math.round(value * 10) / 10);

/** VICIdial's `MathZDC`: a quotient that is 0 when the divisor is. */
export const quotientOrZero = (dividend: number, divisor: number): number => (divisor === 0 ? 0 : dividend / divisor);
