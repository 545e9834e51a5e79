import type { Channel } from './channel';
import { createLocalPair, parseLocalResource, startLocalCall } from './local-channel';
import type { OutboundCall } from './outbound-call';
import { startPjsipCall } from './pjsip-far-end';
import type { World } from './world';

export interface Allocation {
  channel: Channel;
  /** The `;2` half of a Local pair. */
  other?: Channel;
  /** The device part of the endpoint, as Dial events show it. */
  dialstring: string;
  /** Places the call (ast_call). False when it cannot be placed. */
  call(outbound: OutboundCall): boolean;
}

export type AllocationResult = { ok: true; allocation: Allocation } | { ok: false; reason: 'failed' | 'id-exists' };

/**
 * ast_request: creates the channel(s) for `<tech>/<resource>`. Unknown
 * technologies, unknown or unregistered endpoints cannot be allocated.
 */
export function allocateChannel(world: World, tech: string, resource: string, ids: { id?: string; otherId?: string }): AllocationResult {
  if ((ids.id !== undefined && world.channelIdInUse(ids.id)) || (ids.otherId !== undefined && world.channelIdInUse(ids.otherId))) {
    return { ok: false, reason: 'id-exists' };
  }
  if (resource === '') return { ok: false, reason: 'failed' };
  switch (tech.toLowerCase()) {
    case 'local': {
      const destination = parseLocalResource(resource);
      const otherId = ids.otherId ?? (ids.id !== undefined ? `${ids.id};2` : undefined);
      if (otherId !== undefined && world.channelIdInUse(otherId)) return { ok: false, reason: 'id-exists' };
      const [one, two] = createLocalPair(world, destination, ids);
      return { ok: true, allocation: { channel: one, other: two, dialstring: resource, call: () => startLocalCall(world, one) } };
    }
    case 'pjsip': {
      const target = world.network.resolvePjsip(resource);
      if (target.kind === 'unavailable') return { ok: false, reason: 'failed' };
      const endpointName = target.kind === 'phone' ? target.phone.resource : target.trunk;
      const channel = world.createChannel({
        id: ids.id,
        name: `PJSIP/${endpointName}-${world.ids.nameSequence('PJSIP')}`,
        technology: 'PJSIP',
        state: 'Down',
        dialplan: {
          context: target.kind === 'phone' ? target.phone.context : 'default',
          exten: 's',
          priority: 1,
          appName: '',
          appData: '',
        },
        endpoint: `PJSIP/${endpointName}`,
      });
      channel.protocolId = world.ids.sipCallId();
      const farEnd = target.kind === 'phone' ? { phone: target.phone } : { number: target.number, trunk: target.trunk };
      return {
        ok: true,
        allocation: {
          channel,
          dialstring: resource,
          call: (outbound) => {
            startPjsipCall(world, channel, outbound, farEnd);
            return true;
          },
        },
      };
    }
    default:
      return { ok: false, reason: 'failed' };
  }
}

/** Hangs up channels allocated for a request that then failed, without events (they were never used). */
export function discardAllocation(world: World, allocation: Allocation): void {
  for (const channel of [allocation.channel, allocation.other]) {
    if (!channel) continue;
    channel.destroyed = true;
    world.channels.delete(channel.id);
    world.apps.forget('channels', channel.id);
  }
}
