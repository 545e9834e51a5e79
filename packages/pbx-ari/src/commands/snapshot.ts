import type { PbxEndpoint, PbxSnapshot } from '@pbx-gateway/core';
import { legState, readBridge, readChannel, readEndpoint, readList } from '../ari-models';
import type { AriRestCall } from '../ari-operations';
import { isHelperChannel } from '../channel-relevance';

/**
 * `GET /channels` and `GET /bridges`. Helper channels (the `;2` half of a
 * Local pair, announcers, recorders) are left out of the legs and of the
 * bridges' members, as they are left out of the events; a `;2` half that
 * sits in Stasis itself is a leg (its dialplan location says `Stasis`).
 */
export async function snapshot(call: AriRestCall): Promise<PbxSnapshot> {
  const [channelList, bridgeList] = await Promise.all([
    call('channels.list', {}, { idempotent: true }),
    call('bridges.list', {}, { idempotent: true }),
  ]);
  const channels = readList(channelList, readChannel, 'Channel');
  const helpers = new Set<string>();
  const legs: Array<PbxSnapshot['legs'][number]> = [];
  for (const channel of channels) {
    if (isHelperChannel(channel.name, channel.appName === 'Stasis')) helpers.add(channel.id);
    else legs.push({ legId: channel.id, channelName: channel.name, state: legState(channel.state) });
  }
  const bridges = readList(bridgeList, readBridge, 'Bridge').map((bridge) => ({
    bridgeId: bridge.id,
    legIds: bridge.channels.filter((id) => !helpers.has(id)),
  }));
  return { legs, bridges };
}

/** `GET /endpoints`: `technology/resource`, online when its state is `online`. */
export async function endpoints(call: AriRestCall): Promise<PbxEndpoint[]> {
  const list = readList(await call('endpoints.list', {}, { idempotent: true }), readEndpoint, 'Endpoint');
  return list.map((endpoint) => ({
    endpoint: `${endpoint.technology}/${endpoint.resource}`,
    technology: endpoint.technology,
    resource: endpoint.resource,
    online: endpoint.state === 'online',
    channelIds: endpoint.channelIds,
  }));
}
