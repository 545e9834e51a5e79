/** A call queue (VICIdial in-group, VoIPSUN queue, Huawei skill queue) and the agents serving it. */
export interface Queue {
  name: string;
  strategy: string;
  /** Agents in the queue, in the order they joined. */
  members: readonly QueueMember[];
}

export interface QueueMember {
  agentId: string;
  penalty: number;
  paused: boolean;
  /** `static` members are provisioned; `dynamic` ones joined through an API. */
  membership: 'static' | 'dynamic';
}
