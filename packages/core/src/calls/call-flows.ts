import type { Call, CallPurpose } from './call';
import { agentCustomerCall } from './agent-customer-call-flow';
import { agentInternalCall } from './agent-internal-call-flow';
import { agentPhoneCall } from '../agents/agent-phone-call';
import { agentPlaybackCall } from '../playback/agent-playback-call';
import type { CallFlow } from './call-flow';
import { clickToCall } from './click-to-call-flow';
import { contextDialCall } from './context-dial-flow';
import { voiceMenuCall } from './voice-menu-flow';
import { voiceBroadcastCall } from './voice-broadcast-flow';
import { inboundCall } from '../queues/inbound-call-flow';
import { supervisionCall } from '../supervision/supervision-flow';

const callFlows: { readonly [P in CallPurpose]: CallFlow<P> } = {
  click_to_call: clickToCall,
  voice_menu: voiceMenuCall,
  voice_broadcast: voiceBroadcastCall,
  agent_playback: agentPlaybackCall,
  agent_phone: agentPhoneCall,
  agent_customer: agentCustomerCall,
  inbound: inboundCall,
  supervision: supervisionCall,
  context_dial: contextDialCall,
  agent_internal: agentInternalCall,
};

/** The flow of a call's purpose. */
export function flowOf(call: Call): CallFlow {
  return callFlows[call.purpose];
}
