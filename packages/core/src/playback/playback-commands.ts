import type { CoreContext } from '../kernel/context';
import type { TrackWork } from '../kernel/tracked-work';
import type { Playback } from './playback';
import { controlAgentPlayback, type PlaybackAction } from './agent-playback-control';
import { startAgentPlayback, type AgentPlaybackRequest, type AgentPlaybackStarted } from './agent-playback-start';
import { listSounds, type SoundListing } from './sound-listing';

/** Audio played to agents. */
export interface PlaybackCommands {
  startAgentPlayback(request: AgentPlaybackRequest): Promise<AgentPlaybackStarted>;
  controlAgentPlayback(request: { agentId: string } & PlaybackAction): Promise<Playback>;
  activeAgentPlayback(agentId: string): Promise<Playback | null>;
  /** The sound prompts that can be played by name. */
  listSounds(): Promise<SoundListing>;
}

export function playbackCommands(ctx: CoreContext, track: TrackWork): PlaybackCommands {
  return {
    startAgentPlayback: (request) => track(startAgentPlayback(ctx, request)),
    controlAgentPlayback: (request) => track(controlAgentPlayback(ctx, request)),
    activeAgentPlayback: (agentId) => ctx.store.direct.playbacks.activeForAgent(agentId),
    listSounds: () => listSounds(ctx),
  };
}
