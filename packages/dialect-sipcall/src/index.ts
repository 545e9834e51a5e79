import type { DialectVocabulary } from '@pbx-gateway/core';
import { TOKEN_KIND } from './auth';
export { createSipcallDialect, SECRET_PARAMS } from './dialect';
export { createSipcallProjector, STATUS_TOPIC, CDR_TOPIC } from './callbacks/projector';
export { callbackSigningKeyName } from './callbacks/company';
export { defaultSipcallSettings, resolveSipcallSettings } from './settings';
export type { SipcallSettings, SipcallSettingsInput, SipcallCallbackSettings, SipcallLanguage } from './settings';
export { COMPANY_ATTRIBUTES } from './auth';
export { WIRE_ERRORS, errorEnvelope } from './errors';
export type { WireError } from './errors';

/** The words Sip_Call brings to the core: its API accounts, their tokens, and agents signed in through it. */
export const SIPCALL_VOCABULARY: DialectVocabulary = { loginChannels: ['sipcall'], apiRealms: ['sipcall'], tokenKinds: [TOKEN_KIND] };
export { sipcallCompatibility } from './compatibility';
