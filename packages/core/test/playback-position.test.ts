import { isActivePlayback, playbackPosition, type Playback } from '../src';

const T0 = new Date('2024-03-01T09:00:00Z');
const after = (ms: number): Date => new Date(T0.getTime() + ms);

function playback(overrides: Partial<Playback> = {}): Playback {
  return {
    id: 'agent-1000.pb-id-1',
    agentId: '1000',
    callId: null,
    target: { kind: 'bridge', bridgeId: 'agent-1000.conference' },
    media: 'sound:hello',
    requestedName: 'hello',
    state: 'playing',
    finishCause: null,
    offsetMs: 0,
    playedMs: 0,
    resumedAt: T0,
    createdAt: T0,
    startedAt: T0,
    finishedAt: null,
    continues: null,
    ...overrides,
  };
}

describe('playbackPosition', () => {
  it('counts the time since the media started playing', () => {
    expect(playbackPosition(playback(), after(7500))).toBe(7500);
  });

  it('adds the starting offset and what was played before the last resume', () => {
    expect(playbackPosition(playback({ offsetMs: 10000, playedMs: 4000, resumedAt: after(20000) }), after(23000))).toBe(17000);
  });

  it('stands still while paused', () => {
    const paused = playback({ state: 'paused', offsetMs: 2000, playedMs: 3000, resumedAt: null });
    expect(playbackPosition(paused, after(60000))).toBe(5000);
  });

  it('is the offset for media not yet started', () => {
    expect(playbackPosition(playback({ state: 'pending', offsetMs: 3000, resumedAt: null, startedAt: null }), after(9000))).toBe(3000);
  });

  it('ignores a clock behind the resume time', () => {
    expect(playbackPosition(playback({ resumedAt: after(5000) }), after(1000))).toBe(0);
  });
});

describe('isActivePlayback', () => {
  it.each<[Playback['state'], boolean]>([
    ['pending', true],
    ['playing', true],
    ['paused', true],
    ['finishing', false],
    ['finished', false],
  ])('%s → %s', (state, active) => {
    expect(isActivePlayback(playback({ state }))).toBe(active);
  });
});
