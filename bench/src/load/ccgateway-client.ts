/** CC-Gateway requests made outside autocannon: sign-in, and the probe's own polls and commands. */

const PREFIX = '/agentgateway/resource';

export interface CcEvent {
  eventType: string;
  /** When the poll that carried it was answered (performance.now()). */
  receivedAt: number;
}

export interface CcAnswer {
  retcode: string;
  message: string;
  event?: { eventType: string } | null;
}

export async function signIn(url: string, agentId: string, password: string, phone: string): Promise<string> {
  const response = await fetch(`${url}${PREFIX}/onlineagent/${agentId}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json; charset=UTF-8' },
    body: JSON.stringify({ password, phonenum: phone, status: '4', releasephone: 'false', agenttype: '4' }),
  });
  const answer = (await response.json()) as CcAnswer;
  const header = response.headers.get('set-guid') ?? '';
  if (answer.retcode !== '0' || !header.startsWith('JSESSIONID=')) {
    throw new Error(`sign-in of ${agentId} refused: ${JSON.stringify(answer)}`);
  }
  return header.slice('JSESSIONID='.length);
}

export async function poll(url: string, agentId: string, guid: string, signal?: AbortSignal): Promise<CcAnswer> {
  const response = await fetch(`${url}${PREFIX}/agentevent/${agentId}`, { headers: { Guid: guid }, signal });
  return (await response.json()) as CcAnswer;
}

export async function play(url: string, agentId: string, guid: string, voicepath: string): Promise<CcAnswer> {
  const response = await fetch(`${url}${PREFIX}/recordplay/${agentId}/play`, {
    method: 'PUT',
    headers: { Guid: guid, 'Content-Type': 'application/json; charset=UTF-8' },
    body: JSON.stringify({ voicepath, startpostion: 0, volumechange: 20, speedchange: 20, times: 1, codeformat: 0, locationId: -1 }),
  });
  return (await response.json()) as CcAnswer;
}

/** Runs `work` over `items` with at most `limit` at a time. */
export async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
