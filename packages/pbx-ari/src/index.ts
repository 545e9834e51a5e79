export { createAriPbx } from './ari-pbx';
export { deviceCredential } from './commands/devices';
export type { AriPbx } from './ari-pbx';
export type { AriPbxOptions } from './ari-pbx-options';
