import type { DialectVocabulary } from '@pbx-gateway/core';
import { GUID_KIND } from './auth';
export { createCcgatewayDialect, CCGATEWAY_PREFIX } from './dialect';
export { createCcgatewayProjector, MAILBOX_CHANNEL } from './projector';
export { checkCcgatewaySettings, defaultCcgatewaySettings, type CcgatewaySettings } from './settings';
export { RETCODE_MESSAGES, RETCODE_TABLE, type Retcode } from './errors';
export { mappingFor } from './routes';

/** The words CC-Gateway brings to the core: its agents' sessions and the GUIDs of their sign-ins. */
export const CCGATEWAY_VOCABULARY: DialectVocabulary = { loginChannels: ['ccgateway'], tokenKinds: [GUID_KIND] };
export { ccgatewayCompatibility } from './compatibility';
