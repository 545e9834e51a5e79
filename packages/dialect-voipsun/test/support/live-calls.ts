import type { TestGateway } from '@pbx-gateway/test-support';
// The dialect's own type, for reading answers only: the keys, their order and
// their values are asserted against fixed text in the tests.
import type { ListedChannel } from '../../src/operations/listcalls';

export const AUTH_QUERY = 'username=voipsun&password=secretpwd';

/** `listcalls` as a client reads it. */
export async function listCalls(gateway: TestGateway): Promise<{ total: string; results: ListedChannel[]; raw: string }> {
  const response = await gateway.http.get(`/api/api.php?${AUTH_QUERY}&action=listcalls`);
  const body = JSON.parse(response.text) as { success: string; total: string; results: ListedChannel[] };
  if (body.success !== 'true') throw new Error(`listcalls failed: ${response.text}`);
  return { total: body.total, results: body.results, raw: response.text };
}

/** The channels of click-to-calls (extension or trunk legs), leaving out other dialects' agent phones. */
export async function clickToCallChannels(gateway: TestGateway): Promise<ListedChannel[]> {
  return (await listCalls(gateway)).results.filter((result) => result.sourceType !== '');
}

/** Waits (bounded) until the click-to-call channels satisfy `check`, and returns them. */
export function waitForChannels(gateway: TestGateway, check: (channels: ListedChannel[]) => boolean, what: string, timeoutMs = 8000): Promise<ListedChannel[]> {
  return gateway.waitFor(
    async () => {
      const channels = await clickToCallChannels(gateway);
      return check(channels) ? channels : undefined;
    },
    timeoutMs,
    what,
  );
}

/** Hangs up every click-to-call still up, and waits until none is left: each test starts clean. */
export async function hangUpEverything(gateway: TestGateway): Promise<void> {
  for (const channel of await clickToCallChannels(gateway)) {
    await gateway.http.get(`/api/api.php?${AUTH_QUERY}&action=hangupcall&channelName=${encodeURIComponent(channel.channelName)}`);
  }
  await waitForChannels(gateway, (channels) => channels.length === 0, 'no click-to-call left');
  await gateway.core.idle();
}

export interface CdrRow {
  id: string;
  call_id: string;
  purpose: string;
  from_number: string;
  to_number: string;
  extension: string | null;
  answered_at: Date | null;
  billsec: number;
  hangup_cause: number;
  hangup_side: string;
  data: Record<string, unknown>;
}

/** The call a channel name belongs to, from the gateway's own tables. */
export async function callIdOfChannel(gateway: TestGateway, channelName: string): Promise<string> {
  const rows = await gateway.query<{ call_id: string }>('SELECT call_id FROM legs WHERE channel_name = $1', [channelName]);
  if (rows.length !== 1) throw new Error(`expected one leg named ${channelName}, found ${rows.length}`);
  return rows[0]!.call_id;
}

export async function cdrsOfCall(gateway: TestGateway, callId: string): Promise<CdrRow[]> {
  return gateway.query<CdrRow>('SELECT * FROM cdrs WHERE call_id = $1', [callId]);
}

/** Click-to-calls started since `since` (by creation time). */
export async function clickToCallsSince(gateway: TestGateway, since: Date): Promise<Array<{ id: string; state: string; data: Record<string, unknown> }>> {
  return gateway.query("SELECT id, state, data FROM calls WHERE purpose = 'click_to_call' AND created_at >= $1 ORDER BY created_at", [since]);
}

/**
 * Waits (bounded) until the one click-to-call started since `since` has
 * ended, and returns its id once the gateway is idle, so that its CDR is written.
 */
export async function endedClickToCallSince(gateway: TestGateway, since: Date, what: string, timeoutMs = 8000): Promise<string> {
  const [call] = await gateway.waitFor(async () => {
    const calls = await clickToCallsSince(gateway, since);
    return calls.length === 1 && calls[0]!.state === 'ended' ? calls : undefined;
  }, timeoutMs, what);
  await gateway.core.idle();
  return call!.id;
}
