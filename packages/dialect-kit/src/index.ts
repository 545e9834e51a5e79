export * from './dialect';
export * from './request-params';
export * from './request-body';
export * from './api-log';
export * from './error-guard';
export * from './schema-validation';
export * from './wall-clock';
