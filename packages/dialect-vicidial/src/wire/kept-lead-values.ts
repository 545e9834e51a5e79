import { isCalendarDate, LEAD_FIELD_LENGTHS, MAX_CALLBACK_COMMENTS_LENGTH, MAX_CALLED_COUNT, MAX_LEAD_RANK, MAX_LIST_ID, MAX_STATUS_LENGTH, type LeadChanges } from '@pbx-gateway/core';

/** A date of birth as MySQL reads one (`1970-2-3` too), written `YYYY-MM-DD`; null: it names no day. */
function calendarDateOf(text: string): string | null {
  const parts = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$/.exec(text);
  const date = parts ? `${parts[1]}-${parts[2]!.padStart(2, '0')}-${parts[3]!.padStart(2, '0')}` : null;
  return date !== null && isCalendarDate(date) ? date : null;
}

/** A number written into an integer column of a non-strict MySQL: its whole part at the column's nearest end; none (NaN) is 0. */
function clampedInteger(value: number, lowest: number, highest: number): number {
  return Number.isNaN(value) ? 0 : Math.min(Math.max(Math.trunc(value), lowest), highest);
}

/** A text as a column of that many characters keeps it. */
const cut = (text: string, length: number): string => [...text].slice(0, length).join('');

/**
 * Lead values as VICIdial's MySQL keeps them in the non-strict mode the
 * product runs in (installers set `sql_mode=NO_ENGINE_SUBSTITUTION`; its
 * own statements write '' into integer columns): a text longer than its
 * column cut to it (the status to its 6 characters), a number beyond an
 * integer column (rank, dial count, list) brought to its nearest end, a
 * date of birth naming no day left empty (MySQL keeps a zero date). The
 * product answers SUCCESS for such values, and so do the Agent and
 * Non-Agent API functions that store leads; their lines echo the values as
 * sent. One place for both APIs, so they keep the same values.
 */
export function keptByColumns<T extends LeadChanges>(fields: T): T {
  const kept = { ...fields } as Record<string, unknown>;
  for (const [name, length] of Object.entries(LEAD_FIELD_LENGTHS)) {
    const value = kept[name];
    if (typeof value === 'string') kept[name] = cut(value, length);
  }
  if (typeof kept.status === 'string') kept.status = cut(kept.status, MAX_STATUS_LENGTH);
  if (typeof kept.rank === 'number') kept.rank = clampedInteger(kept.rank, -MAX_LEAD_RANK - 1, MAX_LEAD_RANK);
  if (typeof kept.calledCount === 'number') kept.calledCount = clampedInteger(kept.calledCount, 0, MAX_CALLED_COUNT);
  if (typeof kept.listId === 'number') kept.listId = keptListId(kept.listId);
  if (typeof kept.dateOfBirth === 'string') kept.dateOfBirth = calendarDateOf(kept.dateOfBirth);
  return kept as T;
}

/** A list number as the lead's list column keeps it (a number beyond it at its end). */
export const keptListId = (listId: number): number => clampedInteger(listId, 0, MAX_LIST_ID);

/**
 * A lead's callback as the same MySQL keeps it (`vicidial_callbacks`: a
 * VARCHAR(6) status, VARCHAR(255) comments): longer texts cut, the lines
 * still echoing them as sent.
 */
export function keptCallbackTexts<T extends { status?: string; comments?: string }>(callback: T): T {
  const kept = { ...callback };
  if (typeof kept.status === 'string') kept.status = cut(kept.status, MAX_STATUS_LENGTH);
  if (typeof kept.comments === 'string') kept.comments = cut(kept.comments, MAX_CALLBACK_COMMENTS_LENGTH);
  return kept;
}
