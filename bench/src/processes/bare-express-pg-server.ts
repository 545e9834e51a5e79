import { createServer } from 'node:http';
import express from 'express';
import { escapeLiteral, Pool } from 'pg';
import { tellParent } from '../harness/node-scripts';
import { PAUSE_AGENTS, pauseAgentId } from '../plan/bench-plan';

/**
 * Baseline: the least a state change that commits before its answer costs.
 * A bare Express route that, for `agent_user` and `value`, locks the agent's
 * row, updates it and commits, in the two round trips to Postgres the
 * gateway's `external_pause` takes (BEGIN with the locking read, then the
 * write with COMMIT), on a pool of the gateway's default size, then answers
 * a SUCCESS line. No password check, no API log, no event log: only what no
 * design that commits each change before answering can do without, so the
 * gateway's ratio to it is the share left to win, and its own ratio to bare
 * Express bounds what such a design can reach on the machine.
 *
 * With `group-commit`, the changes asked in one turn of the event loop share
 * one transaction: one locking read of all their rows, one update of all of
 * them with the COMMIT, still two round trips, but per batch instead of per
 * request. That is the best a gateway-level group commit could do here.
 *
 * Arguments: the database URL, the pool's size, and optionally
 * `group-commit`. The agents are the bench plan's pausing agents, in a table
 * of this baseline's own, dropped at exit.
 */
const databaseUrl = process.argv[2]!;
const poolMax = Number(process.argv[3] ?? 30);
const groupCommit = process.argv[4] === 'group-commit';
const TABLE = 'bench_baseline_agent_states';
const pool = new Pool({ connectionString: databaseUrl, max: poolMax });

async function changeState(agentId: string, value: string): Promise<boolean> {
  const client = await pool.connect();
  try {
    const agent = escapeLiteral(agentId);
    // Two statements in one query string travel together: pg answers with one result each.
    const [, locked] = (await client.query(`BEGIN; SELECT state FROM ${TABLE} WHERE agent_id = ${agent} FOR UPDATE`)) as unknown as [unknown, { rowCount: number }];
    if (locked.rowCount !== 1) {
      await client.query('ROLLBACK');
      return false;
    }
    await client.query(`UPDATE ${TABLE} SET state = ${escapeLiteral(value)}, changed_at = now() WHERE agent_id = ${agent}; COMMIT`);
    return true;
  } catch {
    await client.query('ROLLBACK').catch(() => undefined);
    return false;
  } finally {
    client.release();
  }
}

interface AskedChange {
  agentId: string;
  value: string;
  done: (changed: boolean) => void;
}

let asked: AskedChange[] = [];

function changeStateInBatch(agentId: string, value: string): Promise<boolean> {
  return new Promise((done) => {
    asked.push({ agentId, value, done });
    if (asked.length === 1) setImmediate(commitBatch);
  });
}

async function commitBatch(): Promise<void> {
  const batch = asked;
  asked = [];
  const client = await pool.connect();
  try {
    // Rows locked in one order, so that two batches never wait on each other in a circle.
    const ids = batch.map((change) => escapeLiteral(change.agentId)).join(', ');
    const [, locked] = (await client.query(
      `BEGIN; SELECT agent_id FROM ${TABLE} WHERE agent_id IN (${ids}) ORDER BY agent_id FOR UPDATE`,
    )) as unknown as [unknown, { rows: Array<{ agent_id: string }> }];
    const found = new Set(locked.rows.map((row) => row.agent_id));
    const changes = batch.filter((change) => found.has(change.agentId));
    if (changes.length > 0) {
      const values = changes.map((change) => `(${escapeLiteral(change.agentId)}, ${escapeLiteral(change.value)})`).join(', ');
      await client.query(
        `UPDATE ${TABLE} SET state = v.state, changed_at = now() FROM (VALUES ${values}) AS v(agent_id, state) WHERE ${TABLE}.agent_id = v.agent_id; COMMIT`,
      );
    } else {
      await client.query('ROLLBACK');
    }
    for (const change of batch) change.done(found.has(change.agentId));
  } catch {
    await client.query('ROLLBACK').catch(() => undefined);
    for (const change of batch) change.done(false);
  } finally {
    client.release();
  }
}

const app = express();
app.all('/{*path}', async (request, response) => {
  const agentId = typeof request.query.agent_user === 'string' ? request.query.agent_user : '';
  const value = typeof request.query.value === 'string' ? request.query.value : '';
  const changed = agentId !== '' && (await (groupCommit ? changeStateInBatch : changeState)(agentId, value));
  response
    .type('text/html; charset=utf-8')
    .send(changed ? `SUCCESS: external_pause function set - ${value}|${Math.floor(Date.now() / 1000)}|${agentId}\n` : `ERROR: external_pause not changed - ${agentId}\n`);
});

async function main(): Promise<void> {
  // A run's earlier baseline killed before it dropped its table leaves it behind: it is this script's own.
  await pool.query(`DROP TABLE IF EXISTS ${TABLE}`);
  await pool.query(`CREATE TABLE ${TABLE} (agent_id text PRIMARY KEY, state text NOT NULL, changed_at timestamptz NOT NULL)`);
  const agents = Array.from({ length: PAUSE_AGENTS }, (_, i) => pauseAgentId(i));
  await pool.query(`INSERT INTO ${TABLE} (agent_id, state, changed_at) SELECT id, 'READY', now() FROM unnest($1::text[]) AS id`, [agents]);
  const server = createServer(app).listen(0, '127.0.0.1', () => {
    const address = server.address();
    tellParent({ url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
  });
  process.on('SIGTERM', () => {
    server.closeAllConnections();
    server.close(() => {
      void pool
        .query(`DROP TABLE IF EXISTS ${TABLE}`)
        .catch(() => undefined)
        .then(() => pool.end())
        .finally(() => process.exit(0));
    });
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`bare express + pg baseline: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
