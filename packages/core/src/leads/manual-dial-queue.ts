import type { Call } from '../calls/call';

/**
 * A number an agent is to dial by hand later (VICIdial's manual-dial queue):
 * kept per agent in the order given, and dialled when the agent is free.
 */
export interface QueuedManualDial {
  id: number;
  agentId: string;
  phoneNumber: string;
  phoneCode: string;
  /** The lead the number is for, when the request named or found one. */
  leadId: number | null;
  /** The caller id to dial with; null: the trunk's. */
  callerId: string | null;
  /** Dialled in front of the country code and number (the request's prefix). */
  dialPrefix: string;
  /** Also dialled while the agent waits ready, not only while paused (VICIdial QUEUE_AND_AUTOCALL). */
  whileReady: boolean;
  /** Who asked for it, as the call placed for it will say. */
  origin: Call['origin'];
  queuedAt: Date;
}

export type NewQueuedManualDial = Omit<QueuedManualDial, 'id'>;
