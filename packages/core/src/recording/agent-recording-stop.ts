import { DomainError } from '../errors/domain-error';
import type { AgentSession } from '../agents/agent';
import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import { agentOwner } from '../kernel/ids';
import type { Recording } from './recording';

export interface AgentRecordingsStopped {
  /** The recordings asked to stop; none when nothing was recording. */
  stopped: Recording[];
  session: AgentSession;
}

/**
 * Stops every recording of the agent. The recordings exist on the engine, so
 * the engine goes first and the change is recorded after (a refusal changes
 * nothing); each ends for good when the engine reports its file complete.
 */
export async function stopAgentRecordings(ctx: CoreContext, request: { agentId: string }): Promise<AgentRecordingsStopped> {
  return ctx.queue.run(agentOwner(request.agentId), async () => {
    const stopped: Recording[] = [];
    const session = await inTransaction(ctx, async (uow) => {
      const current = await uow.tx.sessions.get(request.agentId);
      if (!current) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${request.agentId} is not logged in`);
      for (const recording of await uow.tx.recordings.liveForAgent(request.agentId)) {
        uow.engine.command('stop recording', async () => {
          await ctx.pbx.stopRecording(recording.name);
          return async (next) => {
            const latest = await next.tx.recordings.get(recording.id);
            if (!latest) return;
            // Its end may have been reported already; it is then over as reported.
            const after = latest.state === 'pending' || latest.state === 'recording' ? { ...latest, state: 'stopping' as const } : latest;
            if (after === latest || (await next.tx.recordings.updateUnlessEnded(after))) {
              stopped.push(after);
              return;
            }
            // It ended as this stop was recorded (its call ended): over as that end says.
            const ended = await next.tx.recordings.get(recording.id);
            if (ended) stopped.push(ended);
          };
        });
      }
      return current;
    });
    return { stopped, session };
  });
}
