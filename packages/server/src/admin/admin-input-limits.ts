import { adminError } from './admin-errors';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/**
 * What the schemas do not say but the database cannot store: a NUL
 * character in a text, a number past a 32-bit column. Refused here, with the
 * place, so that such input is a bad request and never a failed write.
 */
export function checkStorable(where: string, value: unknown): void {
  const problems: string[] = [];
  walk(value, '', problems);
  if (problems.length > 0) throw adminError('INVALID_REQUEST', `the ${where} is not valid`, problems);
}

function walk(value: unknown, path: string, problems: string[]): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) problems.push(`${path || '/'} must not contain NUL characters`);
  } else if (typeof value === 'number') {
    if (value < INT32_MIN || value > INT32_MAX) problems.push(`${path || '/'} must be between ${INT32_MIN} and ${INT32_MAX}`);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, `${path}/${index}`, problems));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) problems.push(`${path || '/'} must not have a name with NUL characters`);
      walk(item, `${path}/${key}`, problems);
    }
  }
}
