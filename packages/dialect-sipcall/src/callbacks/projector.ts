import type { ApiUser, Call, DomainEvent, EachEventProjector, Leg, StoreTransaction } from '@pbx-gateway/core';
import { resolveSipcallSettings, type SipcallSettingsInput } from '../settings';
import { encodeJson } from '../wire/php-json';
import { localTimeFormatter } from '../wire/time';
import { cdrCallbackBody } from './cdr-callback';
import { companyCallbacks } from './company';
import { reportedSide, statusCallbackBody, type ExtensionStatus } from './status-callback';

export const STATUS_TOPIC = 'sipcall.status';
export const CDR_TOPIC = 'sipcall.cdr';

const STATUS_OF: Partial<Record<DomainEvent['type'], ExtensionStatus>> = {
  LegRinging: 'ring',
  LegAnswered: 'answer',
  LegEnded: 'hangup',
};

/**
 * Turns events of calls started through Sip_Call into the company's
 * callbacks, written to the outbox in the transaction that made them true
 * (the core delivers them, with retries and an `Idempotency-Key`, signed with
 * the company's secret, named by `signingKey`):
 * an extension status callback when a leg of an extension or its call rings,
 * answers or ends (status-callback.ts), and one CDR callback when the call ends. Other events cost one
 * comparison.
 */
export function createSipcallProjector(input: SipcallSettingsInput = {}): EachEventProjector {
  const resolved = resolveSipcallSettings(input);
  const settings = resolved.callbacks;
  const phpEscaping = resolved.phpJsonEscaping;
  const formatTime = localTimeFormatter(settings.timeZone);
  const headers = { 'Content-Type': settings.contentType };

  const company = async (tx: StoreTransaction, call: Call) => {
    const user: ApiUser | null = call.origin.apiUserId ? await tx.apiUsers.get(call.origin.apiUserId) : null;
    return companyCallbacks(user, call.tenant, settings);
  };

  return {
    name: 'sipcall',
    async project(event, tx) {
      if (event.type === 'CallEnded') {
        if (event.call.origin.dialect !== 'sipcall') return;
        const target = await company(tx, event.call);
        if (!target.cdrUrl) return;
        const body = encodeJson(cdrCallbackBody(event.call, event.cdr, target, settings, formatTime), phpEscaping);
        // One ordering key per call: a receiver gets ring, answer, hang-up and the CDR in that order.
        await tx.outbox.add({ topic: CDR_TOPIC, orderingKey: event.call.id, url: target.cdrUrl, body, headers, signingKey: target.signingKey }, event.at);
        return;
      }
      const status = STATUS_OF[event.type];
      if (status === undefined) return;
      const { call, leg } = event as { call: Call; leg: Leg };
      if (call.origin.dialect !== 'sipcall' || reportedSide(call, leg) === null) return;
      const target = await company(tx, call);
      if (!target.statusUrl) return;
      const body = encodeJson(statusCallbackBody(call, leg, status, target, settings), phpEscaping);
      await tx.outbox.add({ topic: STATUS_TOPIC, orderingKey: call.id, url: target.statusUrl, body, headers, signingKey: target.signingKey }, event.at);
    },
  };
}
