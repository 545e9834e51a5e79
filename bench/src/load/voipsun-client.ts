/** Plain VoIPSUN requests for what happens around the measurement (set-up, clean-up). */

export interface ListedLeg {
  channelName?: string;
  sourceType?: string;
  idChannel?: string;
  status?: string;
  dst?: string;
}

export class VoipsunClient {
  constructor(
    private readonly url: string,
    private readonly username: string,
    private readonly password: string,
  ) {}

  async call(action: string, params: Record<string, string> = {}): Promise<Record<string, unknown>> {
    const query = new URLSearchParams({ username: this.username, password: this.password, action, ...params });
    const response = await fetch(`${this.url}/api/api.php?${query.toString()}`);
    return (await response.json()) as Record<string, unknown>;
  }

  async listCalls(): Promise<ListedLeg[]> {
    const answer = await this.call('listcalls');
    if (answer.success !== 'true') throw new Error(`listcalls failed: ${JSON.stringify(answer)}`);
    return (answer.results as ListedLeg[] | undefined) ?? [];
  }

  /** Hangs up every extension leg of the given extensions; returns the channels it hung up. */
  async hangUpExtensions(ids: ReadonlySet<number>): Promise<string[]> {
    const hungUp: string[] = [];
    for (const leg of await this.listCalls()) {
      if (leg.sourceType !== 'extension' || !leg.channelName || !ids.has(Number(leg.idChannel))) continue;
      const answer = await this.call('hangupcall', { channelName: leg.channelName });
      if (answer.success === 'true') hungUp.push(leg.channelName);
    }
    return hungUp;
  }
}
