import type { Pool } from 'pg';

interface Unfinished {
  what: string;
  id: string;
  /** The call the row belongs to: the call itself, or the call a playback plays on. */
  call_id: string | null;
  state: string;
  stage: string | null;
  at: Date;
}

/**
 * Waits until every call a run placed has ended and every playback has
 * finished (the agents' own phones in their conferences stay up). Fails after
 * `timeoutMs` with what is still running and the requests around its start.
 */
export async function waitUntilQuiet(db: Pool, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.query<Unfinished>(
      `SELECT 'call ' || purpose AS what, id, id AS call_id, state, stage, created_at AS at FROM calls WHERE state <> 'ended' AND purpose <> 'agent_phone'
        UNION ALL
       SELECT 'playback of ' || coalesce(agent_id, call_id), id, call_id, state, finish_cause, created_at FROM playbacks WHERE state <> 'finished'`,
    );
    if (rows.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(`still running ${timeoutMs / 1000} s after the run: ${JSON.stringify(rows.slice(0, 3))}\n${await history(db, rows[0]!)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The rows of a call or playback that did not end, and the requests that acted on someone in the seconds around its start. */
async function history(db: Pool, unfinished: Unfinished): Promise<string> {
  const callId = unfinished.call_id;
  const legs = await db.query('SELECT id, role, state, created_at, answered_at, ended_at, cause FROM legs WHERE call_id = $1 ORDER BY created_at', [callId]);
  const playbacks = await db.query(
    'SELECT id, state, finish_cause, created_at, started_at, finished_at, continues FROM playbacks WHERE call_id = $1 OR id = $2 ORDER BY created_at',
    [callId, unfinished.id],
  );
  const requests = await db.query(
    `SELECT at, dialect, operation, method, agent_id, result FROM api_log
      WHERE at BETWEEN $1::timestamptz - interval '2 seconds' AND $1::timestamptz + interval '4 seconds' AND (agent_id IS NOT NULL OR outcome = 'success')
      ORDER BY at LIMIT 60`,
    [unfinished.at],
  );
  return [`legs ${JSON.stringify(legs.rows)}`, `playbacks ${JSON.stringify(playbacks.rows)}`, `requests ${JSON.stringify(requests.rows)}`].join('\n');
}
