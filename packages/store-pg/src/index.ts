export { startEmbeddedPostgres } from './embedded-postgres';
export type { EmbeddedPostgresOptions, RunningPostgres } from './embedded-postgres';
