import { DomainError } from '../errors/domain-error';
import type { Trunk } from '../directory/directory';
import type { CoreContext } from '../kernel/context';
import type { StoreTransaction } from '../ports/store';
import type { Call, Leg } from './call';
import { newLeg } from './call-factory';

/** The trunk a gateway-placed call to a number goes out on, and the number it presents. */
export interface TrunkDial {
  trunk: Trunk;
  callerId: string;
}

/**
 * The preferred trunk, and the number to present: the one asked for, else
 * one of the trunk's caller-id pool drawn at random (the platform "picks one
 * from the account's pool"), else none.
 */
export async function trunkDial(ctx: CoreContext, tx: StoreTransaction, requestedCallerId: string | null): Promise<TrunkDial> {
  const trunk = await tx.trunks.preferred();
  if (!trunk) throw new DomainError('TRUNK_NOT_FOUND', 'no trunk to dial out');
  const pool = trunk.callerIdPool;
  const callerId = requestedCallerId ?? (pool.length > 0 ? pool[ctx.ids.randomInt(pool.length)]! : '');
  return { trunk, callerId };
}

/** The call's first leg: the number dialled over the trunk, showing the call's presented number. */
export function trunkCustomerLeg(call: Call, dial: TrunkDial, destination: string, now: Date): Leg {
  return newLeg(call, 1, 'customer', dial.trunk.dialTemplate.replace('{number}', destination), { number: dial.callerId, name: '' }, now, {
    dialedNumber: destination,
    account: { kind: 'trunk', id: dial.trunk.id },
  });
}
