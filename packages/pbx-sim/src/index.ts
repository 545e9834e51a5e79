import { SimControl } from './control/sim-control';
import { World } from './engine/world';
import { SimHttpServer } from './http/server';
import { TrafficLog } from './http/traffic-log';
import { DEFAULT_MEDIA } from './media/default-catalog';
import { MediaCatalog } from './media/media-catalog';
import { Network } from './network/network';
import {
  DEFAULT_KEEP_ALIVE_MS,
  DEFAULT_NUMBER_RULES,
  DEFAULT_PHONES,
  DEFAULT_REMOTE_MEDIA_MS,
  DEFAULT_USERS,
  type PbxSimOptions,
} from './options';

export type { NumberOutcome, NumberRule, PbxSimOptions, PhoneConfig } from './options';
export { DEFAULT_NUMBER_RULES, DEFAULT_PHONES, DEFAULT_USERS } from './options';
export { DEFAULT_MEDIA } from './media/default-catalog';
export { SimControl, SimControlError, type PlaceCallRequest } from './control/sim-control';
export type { Phone } from './network/network';
export type { LoggedEvent, LoggedRequest, QueryRecord } from './http/traffic-log';
export type { Json, JsonObject } from './util/json';

export interface PbxSim {
  /** `http://<host>:<port>`; ARI is at `url + '/ari'`, the control API at `url + '/sim'`. */
  url: string;
  port: number;
  control: SimControl;
  close(): Promise<void>;
}

/** Starts a simulated Asterisk 22 speaking ARI over HTTP and WebSocket. */
export async function startPbxSim(options: PbxSimOptions = {}): Promise<PbxSim> {
  const logger = options.logger ?? (() => undefined);
  const world = new World({
    media: new MediaCatalog(options.media ?? DEFAULT_MEDIA, options.remoteMediaMs ?? DEFAULT_REMOTE_MEDIA_MS),
    network: new Network(options.phones ?? DEFAULT_PHONES, options.trunks, options.numberRules ?? DEFAULT_NUMBER_RULES),
    logger,
    transmitSilence: options.transmitSilence === true,
  });
  const traffic = new TrafficLog(options.recordTraffic === true);
  world.events.onDelivered((published) => traffic.event({ at: published.at, app: published.app, event: published.event }));
  const server = new SimHttpServer(world, traffic, {
    users: { ...(options.users ?? DEFAULT_USERS) },
    keepAliveTimeoutMs: options.keepAliveTimeoutMs ?? DEFAULT_KEEP_ALIVE_MS,
    logger,
  });
  const control = new SimControl(world, traffic, server);
  server.control = control;
  const host = options.host ?? '127.0.0.1';
  const port = await server.listen(host, options.port ?? 0);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let closed = false;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    control,
    close: async () => {
      if (closed) return;
      closed = true;
      world.close();
      await server.close();
    },
  };
}
