import type { PbxSim } from '@pbx-gateway/pbx-sim';
import { waitFor, type TestGateway } from '@pbx-gateway/test-support';
import { ccgatewayAnswer, ccgatewayGuid, sipcallAnswer, sipcallToken, voipsunAnswer } from './dialect-answers';
import { ccgatewayPlay, ccgatewaySignIn, sipcallLogin, sipcallPlayVoice, voipsun } from './demo-requests';
import type { Query } from './lost-call-records';
import type { WireClient } from './wire-client';

/** A recording long enough to outlive every outage these tests act out. */
export const LONG_RECORDING = { voicepath: 'Y:/long/outage.V3', media: 'recordings/long/outage', ms: 600_000 };

/** What setting up live calls needs of a gateway, in-process or not: its database and its engine. */
export interface GatewayView {
  query: Query;
  sim: PbxSim;
}

const SETUP_MS = 10_000;
const REQUEST_MS = 10_000;

export interface CallRow {
  id: string;
  state: string;
  stage: string;
  answered_at: Date | null;
}

function waitForCall(gw: GatewayView, where: string, params: unknown[], stages: readonly string[], what: string): Promise<CallRow> {
  return waitFor(async () => {
    const [row] = await gw.query<CallRow>(`SELECT id, state, stage, answered_at FROM calls WHERE ${where} ORDER BY created_at DESC LIMIT 1`, params);
    return row && stages.includes(row.stage) ? row : undefined;
  }, SETUP_MS, what);
}

/** A VoIPSUN click-to-call from an extension (by id) to a number, once both legs are bridged. */
export async function connectedClickToCall(gw: GatewayView, send: WireClient, extensionId: number, number: string): Promise<CallRow> {
  voipsunAnswer.success(await send(voipsun(`action=originate&srcExtenId=${extensionId}&dstNum=${number}`), REQUEST_MS));
  return waitForCall(gw, "purpose = 'click_to_call' AND to_number = $1", [number], ['connected'], `click-to-call to ${number} connected`);
}

/** A Sip_Call PlayVoice whose customer pressed the transfer key and is talking to an extension of extGroup-1. */
export async function connectedVoiceMenu(gw: GatewayView, send: WireClient, token: string, customuuid: string): Promise<CallRow> {
  sipcallAnswer.played(await send(sipcallPlayVoice(token, customuuid), REQUEST_MS));
  const where = "purpose = 'voice_menu' AND data->>'customuuid' = $1";
  const call = await waitForCall(gw, where, [customuuid], ['playing', 'awaiting_key'], `voice menu ${customuuid} playing`);
  await gw.sim.control.pressDtmf(`${call.id}.1`, '1');
  return waitForCall(gw, where, [customuuid], ['connected'], `voice menu ${customuuid} connected`);
}

export async function sipcallLoggedIn(send: WireClient): Promise<string> {
  return sipcallToken(await send(sipcallLogin, REQUEST_MS));
}

/** The state of an agent's latest playback, as the gateway's tables hold it. */
export async function latestPlaybackState(gw: GatewayView, agentId: string): Promise<string | undefined> {
  const [row] = await gw.query<{ state: string }>('SELECT state FROM playbacks WHERE agent_id = $1 ORDER BY created_at DESC LIMIT 1', [agentId]);
  return row?.state;
}

/** A CC-Gateway agent signed in with a phone, playing the long recording on it; returns the GUID. */
export async function ccgatewayAgentPlaying(gw: GatewayView, send: WireClient, agentId: string, password: string, phone: string): Promise<string> {
  const guid = ccgatewayGuid(await send(ccgatewaySignIn(agentId, password, phone), REQUEST_MS));
  ccgatewayAnswer.success(await send(ccgatewayPlay(agentId, guid, LONG_RECORDING.voicepath), REQUEST_MS));
  await waitFor(async () => (await latestPlaybackState(gw, agentId)) === 'playing', SETUP_MS, `agent ${agentId}'s playback playing`);
  return guid;
}

/** The leg of an agent's phone in its session conference, when it is up. */
export async function conferencePhoneLeg(gw: TestGateway, agentId: string): Promise<string | undefined> {
  const legId = (await gw.core.getAgentSession(agentId))?.conference?.agentLegId;
  if (!legId) return undefined;
  const rows = await gw.query<{ state: string }>('SELECT state FROM legs WHERE id = $1', [legId]);
  return rows[0]?.state === 'up' ? legId : undefined;
}

/** Ids of the channels the engine has now. */
export async function engineChannelIds(gw: GatewayView): Promise<Set<string>> {
  return new Set((await gw.sim.control.listChannels()).map((channel) => String(channel.id)));
}
