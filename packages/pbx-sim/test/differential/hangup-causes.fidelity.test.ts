import { isEvent } from './support/differential';
import { liveDifferential, SCENARIO_TIMEOUT_MS } from './support/live';
import { answeredChannel } from './support/steps';

/** DELETE /channels/{id} with each hang-up reason, and what both halves of the pair report. */
const live = liveDifferential();

const REASONS = ['normal', 'busy', 'congestion', 'no_answer', 'timeout', 'rejected', 'unallocated', 'normal_unspecified', 'number_incomplete', 'codec_mismatch', 'interworking', 'failure', 'answered_elsewhere'];

describe('hang-up reasons and causes, live against Asterisk 22', () => {
  it.each(REASONS.map((reason, i) => [reason, i] as const))('reason=%s', (reason, i) =>
    live.check(`hangup-${reason}`, async (ari) => {
      await ari.socket();
      const a = await answeredChannel(ari, `12${String(i).padStart(2, '0')}`);
      await ari.http('DELETE', `/channels/${a}`, { query: { reason } });
      await ari.event(isEvent('ChannelDestroyed', a));
      await ari.sleep(200);
    }), SCENARIO_TIMEOUT_MS);

  it('reason_code, both at once, an unknown reason', () =>
    live.check('hangup-codes', async (ari) => {
      await ari.socket();
      const a = await answeredChannel(ari, '1290');
      await ari.http('DELETE', `/channels/${a}`, { query: { reason: 'busy', reason_code: '17' } });
      await ari.http('DELETE', `/channels/${a}`, { query: { reason: 'whatever' } });
      await ari.http('DELETE', `/channels/${a}`, { query: { reason_code: '21' } });
      await ari.event(isEvent('ChannelDestroyed', a));
      await ari.sleep(200);
      const b = await answeredChannel(ari, '1291');
      await ari.http('DELETE', `/channels/${b}`, { query: { reason_code: '999' } });
      await ari.event(isEvent('ChannelDestroyed', b));
      await ari.sleep(300);
    }), SCENARIO_TIMEOUT_MS);
});
