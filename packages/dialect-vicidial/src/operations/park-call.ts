import type { CallParty } from '@pbx-gateway/core';
import { agentCommand } from '../agent-api/agent-command';
import { currentCustomerCall } from '../agent-api/agent-call';
import { stopWith, type AgentOperationContext } from '../agent-api/steps';
import { echoedAgent, type Refusal } from '../errors';

const noLead: Refusal = { kind: 'own_check', end: 'line', text: (ctx) => `ERROR: agent_user does not have a lead on their screen - ${echoedAgent(ctx)}` };

/** The names a value must contain (newer ones, SWAP_* and HANGUP_XFER_GRAB_CUSTOMER, contain one of them). */
const NAMES = ['PARK_CUSTOMER', 'GRAB_CUSTOMER', 'PARK_IVR_CUSTOMER', 'GRAB_IVR_CUSTOMER', 'PARK_XFER', 'GRAB_XFER'];

type Step = { park: CallParty } | { grab: CallParty } | { hangup: 'third_party' };

/**
 * What a value does, the longest name it contains first. The gateway has no
 * park IVR: *_IVR_* park and grab with music on hold like the plain names.
 */
function stepsOf(value: string): Step[] {
  if (value.includes('HANGUP_XFER_GRAB_CUSTOMER')) return [{ hangup: 'third_party' }, { grab: 'customer' }];
  if (value.includes('SWAP_PARK_CUSTOMER')) return [{ park: 'customer' }, { grab: 'third_party' }];
  if (value.includes('SWAP_PARK_XFER')) return [{ park: 'third_party' }, { grab: 'customer' }];
  if (value.includes('PARK_CUSTOMER') || value.includes('PARK_IVR_CUSTOMER')) return [{ park: 'customer' }];
  if (value.includes('GRAB_CUSTOMER') || value.includes('GRAB_IVR_CUSTOMER')) return [{ grab: 'customer' }];
  if (value.includes('PARK_XFER')) return [{ park: 'third_party' }];
  return [{ grab: 'third_party' }];
}

async function carryOutStep(ctx: AgentOperationContext, agentId: string, step: Step): Promise<string> {
  if ('hangup' in step) {
    const { hungUp } = await ctx.core.hangupThirdParty({ agentId });
    return hungUp ? 'third party hung up' : 'no third party';
  }
  if ('park' in step) {
    const { parked } = await ctx.core.parkCallParty({ agentId, party: step.park });
    return `${step.park} ${parked ? 'parked' : 'not there to park'}`;
  }
  const { grabbed } = await ctx.core.grabCallParty({ agentId, party: step.grab });
  return `${step.grab} ${grabbed ? 'grabbed' : 'was not parked'}`;
}

/**
 * park_call (seed 002, spec §3.2): puts the customer or the third party of
 * the agent's call on hold with music (the call's holding bridge) and brings
 * it back into the conference. Parking a party that is not there, or
 * grabbing one that is not parked, changes nothing and is a SUCCESS, as
 * VICIdial only passes the request on to the agent's screen; so is any
 * value while the lead waits for its disposition after the call (VICIdial
 * checks only for a lead on the screen).
 */
export const parkCall = agentCommand({
  name: 'park_call',
  notValid: ({ value, agent_user: givenAgent, alt_user: altUser }) => !NAMES.some((name) => value.includes(name)) || (givenAgent.length < 1 && altUser.length < 2),
  async carryOut(ctx, { value, agentId, agentUser }) {
    if (!(await currentCustomerCall(ctx, agentId))) {
      // The lead waiting for its disposition (no call any more): nothing to park, as on VICIdial's screen.
      const session = await ctx.core.getAgentSession(agentId);
      if (!session?.lead || session.currentCallId !== null) throw stopWith(noLead);
      return `park_call: agent ${agentUser} has the lead on the screen but no call: nothing to park or grab`;
    }
    const done: string[] = [];
    for (const step of stepsOf(value)) done.push(await carryOutStep(ctx, agentId, step));
    return `park_call: ${done.join(', ')}`;
  },
  errors: { NO_ACTIVE_CALL: noLead },
  successLine: ({ value, agentUser }) => `SUCCESS: park_call function set - ${value}|${agentUser}`,
});
