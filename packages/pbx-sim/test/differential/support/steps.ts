import { APP, channelOf, idOf, isEvent, type Target } from './differential';
import type { JsonObject } from '../../support/trace-format';

/** Steps many scenarios share. Each waits for what it caused, so both servers see the same order of requests. */

/** A Local channel answered by oracle-wait (or oracle-answer's Echo) and in the application: the id of its ;1 half. */
export async function answeredChannel(ari: Target, exten: string, query: Record<string, string> = {}, context: 'oracle-wait' | 'oracle-answer' = 'oracle-wait'): Promise<string> {
  const id = idOf(await ari.http('POST', '/channels', { query: { endpoint: `Local/${exten}@${context}`, app: APP, ...query } }));
  await ari.event(isEvent('StasisStart', id));
  // Answer() holds the ;2 half up to 500 ms waiting for media: the scenario starts once it has moved on.
  await ari.event((e) => e.type === 'ChannelDialplan' && e.dialplan_app === (context === 'oracle-wait' ? 'Wait' : 'Echo') && String((e.channel as JsonObject).name).startsWith(`Local/${exten}@`));
  return id;
}

/** Hangs a channel up and waits until it is gone. */
export async function hangUp(ari: Target, id: string): Promise<void> {
  await ari.http('DELETE', `/channels/${id}`);
  await ari.event(isEvent('ChannelDestroyed', id));
}

export function isPlayback(type: string, playbackId: string): (event: JsonObject) => boolean {
  return (event) => {
    const playback = event.playback;
    return event.type === type && typeof playback === 'object' && playback !== null && !Array.isArray(playback) && playback.id === playbackId;
  };
}

export function isRecording(type: string, name: string): (event: JsonObject) => boolean {
  return (event) => {
    const recording = event.recording;
    return event.type === type && typeof recording === 'object' && recording !== null && !Array.isArray(recording) && recording.name === name;
  };
}

export { channelOf };
