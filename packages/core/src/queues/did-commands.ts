import type { CoreContext } from '../kernel/context';
import type { TrackWork } from '../kernel/tracked-work';
import type { Did, DidChanges, DidLogSearch, NewDid } from './did';
import { findDidCalls, type DidCall } from './did-calls';
import { addDid, copyDid, removeDid, updateDid, type DidCopyRequest } from './did-changes';

/** Public numbers (DIDs): their settings and the calls that reached them. */
export interface DidCommands {
  getDid(pattern: string): Promise<Did | null>;
  /** Every DID, by id. */
  listDids(): Promise<Did[]>;
  /** Null when the pattern is taken. */
  addDid(did: NewDid): Promise<Did | null>;
  /** Null when the source is gone or the new pattern is taken. */
  copyDid(request: DidCopyRequest): Promise<Did | null>;
  /** Null when there is no such number. */
  updateDid(request: { pattern: string; changes: DidChanges }): Promise<Did | null>;
  /** Null when there was no such number. */
  removeDid(pattern: string): Promise<Did | null>;
  findDidCalls(search: DidLogSearch): Promise<DidCall[]>;
  /** Whether the address is the gateway's own server (the one a DID's calls may be sent to). */
  isServerAddress(address: string): boolean;
}

export function didCommands(ctx: CoreContext, track: TrackWork): DidCommands {
  return {
    getDid: (pattern) => ctx.store.direct.dids.get(pattern),
    listDids: () => ctx.store.direct.dids.list(),
    addDid: (did) => track(addDid(ctx, did)),
    copyDid: (request) => track(copyDid(ctx, request)),
    updateDid: (request) => track(updateDid(ctx, request)),
    removeDid: (pattern) => track(removeDid(ctx, pattern)),
    findDidCalls: (search) => findDidCalls(ctx, search),
    isServerAddress: (address) => address === ctx.config.serverIp,
  };
}
