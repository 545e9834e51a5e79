import type { AgentNotification, AgentNotificationRepository, NotificationRecipientType } from '@pbx-gateway/core';
import type { Knex } from 'knex';
import { storableText, toJsonb } from '../support/json-column';

interface NotificationRow {
  id: string | number;
  recipient: string;
  recipient_type: string;
  show_at: Date;
  text: string;
  style: AgentNotification['style'];
  confetti: AgentNotification['confetti'];
  retry: boolean;
  queued_by: string;
  queued_at: Date;
}

const toNotification = (row: NotificationRow): AgentNotification => ({
  id: Number(row.id),
  recipient: row.recipient,
  // Written from the same type.
  recipientType: row.recipient_type as NotificationRecipientType,
  showAt: row.show_at,
  text: row.text,
  style: row.style,
  confetti: row.confetti,
  retry: row.retry,
  queuedBy: row.queued_by,
  queuedAt: row.queued_at,
});

export function createAgentNotificationRepository(db: Knex): AgentNotificationRepository {
  return {
    async insert(notification) {
      const [row] = (await db('agent_notifications')
        .insert({
          recipient: notification.recipient,
          recipient_type: notification.recipientType,
          show_at: notification.showAt,
          text: storableText(notification.text),
          style: toJsonb(notification.style),
          confetti: notification.confetti === null ? null : toJsonb(notification.confetti),
          retry: notification.retry,
          queued_by: notification.queuedBy,
          queued_at: notification.queuedAt,
        })
        .returning('*')) as NotificationRow[];
      return toNotification(row!);
    },

    async get(id) {
      const row: NotificationRow | undefined = await db('agent_notifications').where({ id }).first();
      return row ? toNotification(row) : null;
    },
  };
}
