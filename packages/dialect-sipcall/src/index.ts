export { createSipcallDialect, SECRET_PARAMS } from './dialect';
export { createSipcallProjector, STATUS_TOPIC, CDR_TOPIC } from './callbacks/projector';
export { defaultSipcallSettings, resolveSipcallSettings } from './settings';
export type { SipcallSettings, SipcallSettingsInput, SipcallCallbackSettings, SipcallLanguage } from './settings';
export { COMPANY_ATTRIBUTES } from './auth';
export { WIRE_ERRORS, errorEnvelope } from './errors';
export type { WireError } from './errors';
