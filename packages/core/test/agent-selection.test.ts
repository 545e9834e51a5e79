import { orderCandidates, type AgentSession, type QueueCandidate, type QueueMember } from '../src';

const T0 = new Date('2024-03-01T09:00:00Z');
const DAY = '2024-03-01';

function candidate(agentId: string, idleSinceMin: number, member: Partial<QueueMember> = {}): QueueCandidate {
  const session = { agentId, stateChangedAt: new Date(T0.getTime() + idleSinceMin * 60_000) } as AgentSession;
  return {
    session,
    member: { agentId, penalty: 0, paused: false, membership: 'dynamic', weight: 0, grade: 1, dailyLimit: null, callsToday: 0, callsTodayOn: null, ...member },
  };
}

const ids = (ordered: readonly QueueCandidate[]): string[] => ordered.map((entry) => entry.session.agentId);
const first = (): number => 0;

describe('the order a queue offers a call to its agents', () => {
  const a = candidate('a', 5, { weight: 1, grade: 1, callsToday: 3, callsTodayOn: DAY });
  const b = candidate('b', 1, { weight: 0, grade: 9, callsToday: 9, callsTodayOn: '2024-02-29' });
  const c = candidate('c', 3, { weight: 5, grade: 0, callsToday: 1, callsTodayOn: DAY });

  it('longest idle first by default', () => {
    expect(ids(orderCandidates('longest_wait_time', [a, b, c], DAY, first))).toEqual(['b', 'c', 'a']);
    expect(ids(orderCandidates('ringall', [a, b, c], DAY, first))).toEqual(['b', 'c', 'a']);
  });

  it('fewest calls today first (yesterday’s count is none)', () => {
    expect(ids(orderCandidates('fewest_calls', [a, b, c], DAY, first))).toEqual(['b', 'c', 'a']);
    expect(ids(orderCandidates('fewestcalls', [a, c], DAY, first))).toEqual(['c', 'a']);
  });

  it('highest weight first', () => {
    expect(ids(orderCandidates('inbound_group_rank', [a, b, c], DAY, first))).toEqual(['c', 'a', 'b']);
  });

  it('one drawn by grade, then the rest by grade', () => {
    // Drawn over the longest-idle order b, c, a with grades 9, 0, 1: 0..8 picks b, 9 picks a; c (grade 0) is never drawn.
    expect(ids(orderCandidates('inbound_group_grade', [a, b, c], DAY, () => 0))).toEqual(['b', 'a', 'c']);
    expect(ids(orderCandidates('inbound_group_grade', [a, b, c], DAY, () => 9))).toEqual(['a', 'b', 'c']);
  });

  it('the join order for linear queues', () => {
    expect(ids(orderCandidates('linear', [a, b, c], DAY, first))).toEqual(['a', 'b', 'c']);
  });

  it('the lowest penalty first, the strategy’s order within one penalty', () => {
    const pa = { ...a, member: { ...a.member, penalty: 1 } };
    const pb = { ...b, member: { ...b.member, penalty: 2 } };
    const pc = { ...c, member: { ...c.member, penalty: 1 } };
    expect(ids(orderCandidates('longest_wait_time', [pa, pb, pc], DAY, first))).toEqual(['c', 'a', 'b']);
    expect(ids(orderCandidates('inbound_group_rank', [pa, pb, pc], DAY, first))).toEqual(['c', 'a', 'b']);
    expect(ids(orderCandidates('rrordered', [pb, pc, pa], DAY, first))).toEqual(['c', 'a', 'b']);
  });
});
