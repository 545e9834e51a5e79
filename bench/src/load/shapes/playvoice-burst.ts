import { runAutocannon, Tally } from '../autocannon-runner';
import { isDialectError } from '../dialect-errors';
import type { LoadResult, LoadSpec } from '../load-spec';

/**
 * A burst of Sip_Call `PlayVoice` requests as the vendor's PHP client sends
 * them (a form POST), one voice-menu group per call, every call tagged by
 * its `customuuid` so that its callbacks can be counted.
 */
export async function playVoiceBurstLoad(spec: Extract<LoadSpec, { shape: 'playvoice' }>): Promise<LoadResult> {
  if (spec.groups.length < spec.amount || spec.customers.length < spec.amount) throw new Error('a burst needs a group and a customer per call');
  let next = 0;
  const accepted: string[] = [];
  const tally = new Tally();
  const { latencySamples, ...result } = await runAutocannon(
    {
      url: spec.settings.url,
      connections: Math.min(spec.settings.connections, spec.amount),
      timeoutSec: spec.settings.timeoutSec,
      stop: { amount: spec.amount },
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          setupRequest: (request, context) => {
            const index = next++;
            const customuuid = `${spec.marker}-${index}`;
            (context as { customuuid?: string }).customuuid = customuuid;
            const form = new URLSearchParams({
              service: 'App.Sip_Call.PlayVoice',
              token: spec.token,
              voicetype: '2',
              voicefile: spec.voicefile,
              destnumber: spec.customers[index]!,
              chengshudu: '1',
              userid: `1@${spec.groups[index]!}`,
              customuuid,
            });
            return { ...request, path: '/', body: form.toString() };
          },
          onResponse: (status, body, context) => {
            if (status < 200 || status >= 300) return;
            if (isDialectError('sipcall', body)) tally.dialectError(body);
            else accepted.push((context as { customuuid?: string }).customuuid!);
          },
        },
      ],
    },
    tally,
  );
  return { ...result, extra: { accepted, latencySamples } };
}
