/**
 * The numbering plan every part of the bench agrees on: who is provisioned,
 * which phones the simulator has, which numbers answer how. Each scenario
 * owns its own range of agents and extensions, so that scenarios never
 * share a phone or an agent.
 */

export const ARI = { user: 'gateway', password: 'gateway' } as const;
/** A second ARI account for the bare ari-client baseline, so that it is not the gateway's application. */
export const BASELINE_ARI = { user: 'baseline', password: 'baseline', app: 'bench-baseline' } as const;

export const VICIDIAL_API = { login: '6666', secret: '1234' } as const;
export const VOIPSUN_API = { login: 'benchcrm', secret: 'Bench-CRM-pw-2024' } as const;
export const SIPCALL_API = { appid: 'benchappid', accesskey: 'benchaccesskey-7f3a', companycode: '3030' } as const;

export const TRUNK = { id: 1, name: 'upc' } as const;

/** VICIdial agents logged in at start (provisioning sessions), for external_pause. */
export const PAUSE_AGENTS = 200;
export const pauseAgentId = (i: number): string => String(2000 + i);
export const pauseAgentPhone = (i: number): string => `vd${2000 + i}`;
export const pauseAgentConference = (i: number): string => String(8600100 + i);

/** CC-Gateway agents signed in over the API by the cc-gateway scenario. */
export const CC_AGENTS = 1000;
export const ccAgentId = (i: number): string => String(3000 + i);
export const ccAgentPassword = (i: number): string => `Cc@${3000 + i}`;
export const ccAgentPhoneNumber = (i: number): string => String(73000 + i);
export const CC_VOICEPATH = 'Y:/bench/prompt.V3';
export const CC_MEDIA = 'recordings/bench/prompt';

/** Extensions for call setup (originate → listcalls → hangupcall); a pool larger than the connections. */
export const SETUP_EXTENSIONS = 80;
export const setupExtensionId = (i: number): number => 10001 + i;
export const setupExtensionSip = (i: number): string => `cs${10001 + i}`;
/** Numbers call setup dials: answered after a short ring, up until hung up. */
export const setupDestination = (i: number): string => `5550${10001 + i}`;

/** Extensions whose calls stay up (listcalls, memory): one call each. */
export const STANDING_EXTENSIONS = 1000;
export const standingExtensionId = (i: number): number => 20001 + i;
export const standingExtensionSip = (i: number): string => `up${20001 + i}`;
export const standingDestination = (i: number): string => `7770${20001 + i}`;

/** Sip_Call voice-menu groups, one extension each; a call per group at a time. */
export const SIPCALL_GROUPS = 100;
export const sipcallExtensionId = (i: number): number => 30001 + i;
export const sipcallExtensionSip = (i: number): string => `sc${30001 + i}`;
export const sipcallGroup = (i: number): string => `bench-g${i}`;
/** Customers answer, press 1 during the prompt, and hang up after talking to the extension. */
export const sipcallCustomer = (n: number): string => `6660${100000 + n}`;
export const SIPCALL_VOICEFILE = 'http://127.0.0.1/bench/prompt.mp3';

/** Phones of the bare ari-client baseline. */
export const BASELINE_PHONES = 80;
export const baselinePhone = (i: number): string => `bl${i}`;

/** Simulated network timings: quick answers, short media. */
export const PHONE_ANSWER_MS = 50;
export const NUMBER_RING_MS = 50;
export const PROMPT_MS = 1000;
export const SIPCALL_KEY_AFTER_MS = 300;
export const SIPCALL_TALK_MS = 2000;
