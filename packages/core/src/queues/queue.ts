/** A call queue (VICIdial in-group, VoIPSUN queue, Huawei skill queue) and the agents serving it. */
export interface Queue {
  name: string;
  /** How a waiting call picks its agent (queues/agent-selection.ts). */
  strategy: string;
  /** An inactive queue takes no new calls; calls already waiting stay. */
  active: boolean;
  /** The music-on-hold class callers hear while they wait. */
  mohClass: string;
  /** Seconds a caller may wait before the gateway hangs up; null: as long as the caller likes. */
  maxWaitSec: number | null;
  /** Agents in the queue, in the order they joined. */
  members: readonly QueueMember[];
}

/** A queue's settings, without its members. */
export type QueueSettings = Omit<Queue, 'members'>;

export interface QueueMember {
  agentId: string;
  penalty: number;
  paused: boolean;
  /** `static` members are provisioned; `dynamic` ones joined through an API. */
  membership: 'static' | 'dynamic';
  /** Higher weight is offered calls first (VICIdial group weight / rank). */
  weight: number;
  /** Higher grade is offered calls more often (VICIdial group grade, 1–10). */
  grade: number;
  /** Calls the agent may take from this queue in a day; null: no limit. */
  dailyLimit: number | null;
  /** Calls taken from this queue on `callsTodayOn` (a UTC date, `YYYY-MM-DD`). */
  callsToday: number;
  callsTodayOn: string | null;
}

/** What an agent brings to a queue when joining it; counters start at zero. */
export type QueueMembership = Pick<QueueMember, 'agentId' | 'penalty' | 'membership'> & Partial<Pick<QueueMember, 'weight' | 'grade' | 'dailyLimit'>>;

/** The UTC day a counter of calls counts for. */
export const dayOf = (at: Date): string => at.toISOString().slice(0, 10);

/** Calls the member took from the queue on `day`. */
export const callsTakenOn = (member: QueueMember, day: string): number => (member.callsTodayOn === day ? member.callsToday : 0);
