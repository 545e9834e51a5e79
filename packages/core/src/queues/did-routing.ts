import type { StoreTransaction } from '../ports/store';
import type { Did, DidRouteKind } from './did';

/**
 * Where a call to a DID goes: a queue, where it waits (for the one agent
 * named, or null: any agent of the queue); or a destination dialled for it
 * (an extension of the dialplan, a phone), to which the caller is connected
 * once it answers.
 */
export type DidDestination = { kind: 'queue'; queueName: string; forAgentId: string | null } | { kind: 'dial'; endpoint: string; dialedNumber: string };

/** A dialplan context and extension as Asterisk's extensions.conf allows them: they become a dial string. */
const CONTEXT_NAME = /^[A-Za-z0-9_-]{1,79}$/;
const EXTENSION = /^[A-Za-z0-9*#+_-]{1,50}$/;

/**
 * Where a call to a DID goes, as VICIdial routes it; null when the gateway
 * has nowhere to send it (the call is released).
 * - IN_GROUP: the DID's in-group.
 * - AGENT: while its agent is signed in (ready, paused or in a call, as
 *   VICIdial's live agents), the call waits for that agent alone under the
 *   settings of the DID's agent queue (AGENTDIRECT unless set), as a
 *   transfer to an agent does; while the agent is not signed in, the DID's
 *   fallback (`agentUnavailableAction`) is taken as that route would be.
 * - EXTEN: the extension in the DID's dialplan context (VICIdial's
 *   Goto(<context>,<extension>,1)), through a local channel of the engine.
 * - PHONE: the device of the DID's phone (on the DID's server; with none
 *   named, the one phone of that extension), active and a SIP device.
 * - VOICEMAIL, VMAIL_NO_INST, CALLMENU: not carried out.
 */
export async function destinationOfDid(tx: Pick<StoreTransaction, 'sessions' | 'phones'>, did: Did | null): Promise<DidDestination | null> {
  if (!did || !did.active) return null;
  if (did.route === 'AGENT') {
    if (did.agentUser === '') return null;
    if (await tx.sessions.get(did.agentUser)) return { kind: 'queue', queueName: did.agentRouteQueue, forAgentId: did.agentUser };
    return destinationOfRoute(tx, did, did.agentUnavailableAction);
  }
  return destinationOfRoute(tx, did, did.route);
}

async function destinationOfRoute(tx: Pick<StoreTransaction, 'phones'>, did: Did, route: Exclude<DidRouteKind, 'AGENT'>): Promise<DidDestination | null> {
  switch (route) {
    case 'IN_GROUP':
      return did.queueName ? { kind: 'queue', queueName: did.queueName, forAgentId: null } : null;
    case 'EXTEN':
      if (!CONTEXT_NAME.test(did.extenContext) || !EXTENSION.test(did.extension)) return null;
      return { kind: 'dial', endpoint: `Local/${did.extension}@${did.extenContext}`, dialedNumber: did.extension };
    case 'PHONE': {
      const phone = await phoneOf(tx, did);
      return phone ? { kind: 'dial', endpoint: `PJSIP/${phone.extension}`, dialedNumber: phone.dialplanNumber || phone.extension } : null;
    }
    default:
      return null;
  }
}

async function phoneOf(tx: Pick<StoreTransaction, 'phones'>, did: Did) {
  if (did.phone === '') return null;
  const candidates = did.serverIp === '' ? (await tx.phones.list()).filter((phone) => phone.extension === did.phone) : [await tx.phones.get(did.phone, did.serverIp)];
  const phone = candidates.length === 1 ? candidates[0] : null;
  return phone && phone.active && phone.protocol === 'SIP' ? phone : null;
}
