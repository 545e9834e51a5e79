import type { CallPurpose } from '../model/call';
import { agentCustomerCall } from './agent-customer-call';
import { agentPhoneCall } from './agent-phone';
import { agentPlaybackCall } from './agent-playback-call';
import type { CallFlow } from './call-flow';
import { clickToCall } from './click-to-call';
import { voiceMenuCall } from './voice-menu';

export const callFlows: Readonly<Record<CallPurpose, CallFlow>> = {
  click_to_call: clickToCall,
  voice_menu: voiceMenuCall,
  agent_playback: agentPlaybackCall,
  agent_phone: agentPhoneCall,
  agent_customer: agentCustomerCall,
};
