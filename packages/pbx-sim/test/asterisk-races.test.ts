import { maskRaces } from './differential/support/asterisk-races';
import type { EventEntry, TraceEntry } from './support/trace-format';

function event(t: number, type: string, state: string, extra: Record<string, number | string> = {}): EventEntry {
  return { t, type: 'event', ws: 'ws1', event: { type, channel: { id: 'chan-1', state }, ...extra } };
}

describe('Asterisk races brought to one form before a differential comparison', () => {
  it('a congested Local half shows its soft hang-up request after its Busy state change, whichever came first', () => {
    const requestFirst: TraceEntry[] = [
      event(1, 'ChannelDialplan', 'Ring'),
      event(2, 'ChannelHangupRequest', 'Ring', { cause: 0 }),
      event(3, 'ChannelStateChange', 'Busy'),
      event(4, 'ChannelHangupRequest', 'Busy', { cause: 16 }),
    ];
    const stateFirst: TraceEntry[] = [
      event(1, 'ChannelDialplan', 'Ring'),
      event(2, 'ChannelStateChange', 'Busy'),
      event(3, 'ChannelHangupRequest', 'Busy', { cause: 0 }),
      event(4, 'ChannelHangupRequest', 'Busy', { cause: 16 }),
    ];
    const shape = (entries: TraceEntry[]) => maskRaces(entries).map((e) => (e.type === 'event' ? e.event : e));
    expect(shape(requestFirst)).toEqual(shape(stateFirst));
    expect(shape(stateFirst).map((e) => e.type)).toEqual(['ChannelDialplan', 'ChannelStateChange', 'ChannelHangupRequest', 'ChannelHangupRequest']);
  });

  it('a soft hang-up request that meets no state change keeps the state its snapshot shows', () => {
    const entries: TraceEntry[] = [event(1, 'ChannelDialplan', 'Up'), event(2, 'ChannelHangupRequest', 'Up', { cause: 0 })];
    expect(maskRaces(entries)).toEqual(entries);
  });

  it("a holding bridge's music announcer, listed in a snapshot or not, is left out of the bridge's channels", () => {
    const left = (channels: string[]): TraceEntry => ({
      t: 3,
      type: 'event',
      ws: 'ws1',
      event: { type: 'ChannelLeftBridge', channel: { id: 'chan-1' }, bridge: { id: 'park', bridge_class: 'stasis', channels } },
    });
    const start: TraceEntry[] = [
      { t: 1, type: 'event', ws: 'ws1', event: { type: 'ChannelEnteredBridge', channel: { id: 'chan-1' }, bridge: { id: 'park', channels: ['chan-1'] } } },
      { t: 2, type: 'request', req: 7, method: 'POST', path: '/ari/bridges/park/moh' },
    ];
    const shape = (entries: TraceEntry[]) => maskRaces(entries).map((e) => (e.type === 'event' ? e.event : e));
    expect(shape([...start, left(['announcer-9'])])).toEqual(shape([...start, left([])]));
    expect(shape([...start, left(['chan-1'])])).not.toEqual(shape([...start, left([])]));
  });
});
