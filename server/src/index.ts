export { loadConfig, type Config } from './config.ts';
export { createHttpServer, createGraphQLHandler, CSRF_HEADER } from './http/app.ts';
export { prepareDatabase, startEmbeddedPostgres } from './database/index.ts';
