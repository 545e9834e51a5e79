/** Who an on-screen notification is for: one agent, the agents of a user group, or those of a campaign. */
export type NotificationRecipientType = 'USER' | 'USER_GROUP' | 'CAMPAIGN';

/**
 * An alert queued for agents' screens (VICIdial `send_notification`): text
 * in a style, or confetti, or both, shown from `showAt` on. The gateway has
 * no agent screen of its own: it keeps the alert for the screens that read
 * them.
 */
export interface AgentNotification {
  /** Assigned by the store, increasing. */
  id: number;
  recipient: string;
  recipientType: NotificationRecipientType;
  showAt: Date;
  text: string;
  style: { size: number; font: string; weight: string; color: string };
  /** Confetti with the alert: seconds, particles, speed; null: none. */
  confetti: { durationSec: number; maxParticleCount: number; particleSpeed: number } | null;
  /** Shown again until acknowledged. */
  retry: boolean;
  /** The API user who queued it. */
  queuedBy: string;
  queuedAt: Date;
}

export type NewAgentNotification = Omit<AgentNotification, 'id'>;

export interface AgentNotificationRepository {
  insert(notification: NewAgentNotification): Promise<AgentNotification>;
  get(id: number): Promise<AgentNotification | null>;
}
