/** The LISTEN/NOTIFY channel on which committed mailbox appends are announced. */
export const MAILBOX_NOTICE_CHANNEL = 'pbx_gateway_mailbox';

export interface MailboxAddress {
  agentId: string;
  channel: string;
}

export const encodeMailboxNotice = (address: MailboxAddress): string => JSON.stringify([address.agentId, address.channel]);

export function decodeMailboxNotice(payload: string | undefined): MailboxAddress | null {
  if (payload === undefined) return null;
  try {
    const parsed: unknown = JSON.parse(payload);
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
      return { agentId: parsed[0], channel: parsed[1] };
    }
  } catch {
    // not one of ours: ignored below
  }
  return null;
}

/** Key of the waiters for one agent's channel. */
export const mailboxKey = (address: MailboxAddress): string => `${address.agentId}\u0000${address.channel}`;
