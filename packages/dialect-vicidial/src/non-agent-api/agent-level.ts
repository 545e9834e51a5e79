import type { Agent } from '@pbx-gateway/core';

/** VICIdial's level of an account that has none recorded: a new user's. */
export const levelOf = (agent: Agent): number => Number(agent.attributes.user_level ?? '1') || 0;
