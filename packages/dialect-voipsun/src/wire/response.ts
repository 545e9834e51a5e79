import type { WireAnswer } from '@pbx-gateway/dialect-kit';
import { reasonOf, type Errno, type Subject } from '../errors';

/**
 * Bodies as VoIPSUN's PHP writes them: every value a string (`"true"`,
 * `"100"`, `"4"`), keys in the documented order, no whitespace.
 */
export const SUCCESS_BODY = '{"success":"true"}';

export function errorBody(errno: Errno, subject: Subject = ''): string {
  return JSON.stringify({ success: 'false', errno, reason: reasonOf(errno, subject) });
}

/** VoIPSUN answers HTTP 200 whatever happened; the body says how it went. */
export function wireAnswer(contentType: string, body: string): WireAnswer {
  return { status: 200, headers: { 'Content-Type': contentType }, body };
}
