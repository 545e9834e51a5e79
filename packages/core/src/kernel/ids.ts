import type { IdSource } from '../ports/id-source';

/** Owner key of everything done for an agent's session. */
export const agentOwner = (agentId: string): string => `agent-${agentId}`;

/** A call owned by an agent carries the agent's key; a call of its own is its own owner. */
export const newCallId = (ids: IdSource, agentId: string | null): string =>
  agentId === null ? ids.newId() : `${agentOwner(agentId)}.${ids.newId()}`;

export const newLegId = (callId: string, ordinal: number): string => `${callId}.${ordinal}`;

export const newPlaybackId = (owner: string, ids: IdSource): string => `${owner}.pb-${ids.newId()}`;

export const callBridgeId = (callId: string): string => `${callId}.bridge`;

/** The holding bridge where a call's parked legs hear music on hold. */
export const callHoldBridgeId = (callId: string): string => `${callId}.hold`;

export const conferenceBridgeId = (agentId: string): string => `${agentOwner(agentId)}.conference`;

export const newRecordingId = (owner: string, ids: IdSource): string => `${owner}.rec-${ids.newId()}`;
