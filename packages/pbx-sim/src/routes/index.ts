import type { RouteSpec } from '../ari/route-spec';
import { applicationRoutes } from './applications';
import { asteriskRoutes } from './asterisk';
import { bridgeRoutes } from './bridges';
import { configObjectRoutes } from './config-objects';
import { channelControlRoutes } from './channels-control';
import { channelFlowRoutes } from './channels-flow';
import { channelLifecycleRoutes } from './channels-lifecycle';
import { channelMediaRoutes } from './channels-media';
import { channelSnoopRoutes } from './channels-snoop';
import { channelVariableRoutes } from './channels-variables';
import { deviceStateRoutes } from './device-states';
import { endpointRoutes } from './endpoints';
import { eventRoutes } from './events';
import { playbackRoutes } from './playbacks';
import { recordingRoutes } from './recordings';
import { soundRoutes } from './sounds';

/** Every ARI operation the simulator serves; the served API description is generated from this table. */
export const ROUTES: readonly RouteSpec[] = [
  ...asteriskRoutes,
  ...configObjectRoutes,
  ...endpointRoutes,
  ...channelLifecycleRoutes,
  ...channelFlowRoutes,
  ...channelControlRoutes,
  ...channelMediaRoutes,
  ...channelVariableRoutes,
  ...channelSnoopRoutes,
  ...bridgeRoutes,
  ...recordingRoutes,
  ...soundRoutes,
  ...playbackRoutes,
  ...deviceStateRoutes,
  ...eventRoutes,
  ...applicationRoutes,
];

/** Resources in the order Asterisk lists them in resources.json, with our own one-line descriptions. */
export const RESOURCES: readonly { name: string; description: string }[] = [
  { name: 'asterisk', description: 'System information and global variables' },
  { name: 'endpoints', description: 'Phones and trunks' },
  { name: 'channels', description: 'Call legs' },
  { name: 'bridges', description: 'Bridges joining channels' },
  { name: 'recordings', description: 'Live and stored recordings' },
  { name: 'sounds', description: 'Sound files' },
  { name: 'playbacks', description: 'Playback control' },
  { name: 'deviceStates', description: 'Device states set through ARI' },
  { name: 'events', description: 'Event WebSocket' },
  { name: 'applications', description: 'Stasis applications' },
];
