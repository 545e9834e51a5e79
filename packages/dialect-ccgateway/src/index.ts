export { createCcgatewayDialect, CCGATEWAY_PREFIX } from './dialect';
export { createCcgatewayProjector, MAILBOX_CHANNEL } from './projector';
export { checkCcgatewaySettings, defaultCcgatewaySettings, type CcgatewaySettings } from './settings';
export { mappingFor, RETCODE_MESSAGES, type Retcode } from './errors';
export type { OperationName } from './operation-names';
