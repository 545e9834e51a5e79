import { Connection } from 'pg';

/**
 * What the store sends to Postgres while `work` runs, one string per round trip: a simple-protocol query's
 * text, or the statement of an extended-protocol exchange (parse ... sync).
 */
export async function roundTripsDuring(work: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  let parsed = '';
  const simple = jest.spyOn(Connection.prototype, 'query').mockImplementation(function (this: Connection, text: string) {
    sent.push(text);
    return originalQuery.call(this, text);
  });
  const parse = jest.spyOn(Connection.prototype, 'parse').mockImplementation(function (this: Connection, query, more) {
    parsed = query.text ?? '';
    return originalParse.call(this, query, more);
  });
  const sync = jest.spyOn(Connection.prototype, 'sync').mockImplementation(function (this: Connection) {
    sent.push(parsed);
    return originalSync.call(this);
  });
  try {
    await work();
  } finally {
    simple.mockRestore();
    parse.mockRestore();
    sync.mockRestore();
  }
  return sent;
}
const originalQuery = Connection.prototype.query;
const originalParse = Connection.prototype.parse;
const originalSync = Connection.prototype.sync;
