import type { AgentSession } from '../agents/agent';
import { callsTakenOn, type QueueMember } from './queue';

/** An agent who could take a queue's call now, with the agent's membership of that queue. */
export interface QueueCandidate {
  session: AgentSession;
  member: QueueMember;
}

/**
 * The order in which a queue offers a call to its available agents, by the
 * queue's strategy (Asterisk's names and VICIdial's `next_agent_call` alike):
 *
 * | strategy | order |
 * |---|---|
 * | `fewestcalls`, `fewest_calls` | fewest calls taken from the queue today first |
 * | `weight`, `inbound_group_rank` | highest weight first |
 * | `grade`, `inbound_group_grade` | one at random, weighted by grade, then the rest by grade |
 * | `random` | at random |
 * | `linear`, `rrordered` | the order the members joined |
 * | anything else (`ringall`, `leastrecent`, `longest_wait_time`, `oldest_call_finish` …) | longest idle first |
 *
 * Ties go to the agent idle longest (the oldest state change), then to
 * the member order. `random(n)` gives an integer in [0, n).
 *
 * Penalties come first, as in Asterisk's queues: members with the lowest
 * penalty are offered the call before any member with a higher one; the
 * strategy orders the members of one penalty. Every penalty is 0 unless a
 * client set one (VoIPSUN's agentadd), so other queues are ordered by the
 * strategy alone.
 */
export function orderCandidates(strategy: string, candidates: readonly QueueCandidate[], day: string, random: (n: number) => number): QueueCandidate[] {
  // A stable sort keeps the strategy's order within one penalty.
  return byStrategy(strategy, candidates, day, random).sort((a, b) => a.member.penalty - b.member.penalty);
}

function byStrategy(strategy: string, candidates: readonly QueueCandidate[], day: string, random: (n: number) => number): QueueCandidate[] {
  const idle = [...candidates].sort(longestIdleFirst);
  switch (strategy) {
    case 'fewestcalls':
    case 'fewest_calls':
      return idle.sort((a, b) => callsTakenOn(a.member, day) - callsTakenOn(b.member, day));
    case 'weight':
    case 'inbound_group_rank':
      return idle.sort((a, b) => b.member.weight - a.member.weight);
    case 'grade':
    case 'inbound_group_grade':
      return byGrade(idle, random);
    case 'random':
      return shuffled(idle, random);
    case 'linear':
    case 'rrordered':
      return [...candidates];
    default:
      return idle;
  }
}

const longestIdleFirst = (a: QueueCandidate, b: QueueCandidate): number => a.session.stateChangedAt.getTime() - b.session.stateChangedAt.getTime();

function byGrade(candidates: readonly QueueCandidate[], random: (n: number) => number): QueueCandidate[] {
  const grades = candidates.map((candidate) => Math.max(0, candidate.member.grade));
  const total = grades.reduce((sum, grade) => sum + grade, 0);
  const rest = [...candidates].sort((a, b) => b.member.grade - a.member.grade);
  if (total === 0) return rest;
  let draw = random(total);
  const first = candidates.find((_candidate, index) => (draw -= grades[index]!) < 0)!;
  return [first, ...rest.filter((candidate) => candidate !== first)];
}

function shuffled(candidates: readonly QueueCandidate[], random: (n: number) => number): QueueCandidate[] {
  const order = [...candidates];
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = random(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}
