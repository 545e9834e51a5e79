export { createCcgatewayDialect, CCGATEWAY_PREFIX } from './dialect';
export { createCcgatewayProjector, MAILBOX_CHANNEL } from './projector';
export { checkCcgatewaySettings, defaultCcgatewaySettings, type CcgatewaySettings } from './settings';
export { RETCODE_MESSAGES, RETCODE_TABLE, type Retcode } from './errors';
export { mappingFor } from './routes';
