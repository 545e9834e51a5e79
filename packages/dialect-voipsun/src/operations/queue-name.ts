import type { CallControl, Queue } from '@pbx-gateway/core';
import { VoipsunWireError, type Errno } from '../errors';

/** Queue names are short; a longer one names no queue and is not looked up. */
const MAX_QUEUE_NAME = 255;

/** The queue `name` names, or the action's "Queue … not found!" errno, the name in its reason. */
export async function queueNamed(core: CallControl, name: string, notFound: Errno): Promise<Queue> {
  const queue = name.length > MAX_QUEUE_NAME ? null : await core.getQueue(name);
  if (!queue) throw new VoipsunWireError(notFound, name.slice(0, MAX_QUEUE_NAME));
  return queue;
}
