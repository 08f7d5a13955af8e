// Finds or starts the database, then brings its schema up to date with the committed migrations.
import path from 'node:path';
import { migrateDeploy } from '@wraparound/prisma/migrate';
import type { Config } from '../config.ts';
import { startEmbeddedPostgres } from './embedded.ts';
import { migrateJobQueue } from './jobQueue.ts';

export { startEmbeddedPostgres } from './embedded.ts';
export { DatabaseStartError } from './leftBehind.ts';
export { migrateJobQueue, startJobWorker } from './jobQueue.ts';

export interface PreparedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export async function prepareDatabase(config: Config, log: (line: string) => void): Promise<PreparedDatabase> {
  let url = config.databaseUrl;
  let stop = async () => {};
  if (!url) {
    const dataDir = path.join(config.dataDir, 'postgres');
    log(`Starting the embedded PostgreSQL (data in ${dataDir}, port ${config.embeddedPostgresPort})`);
    const cluster = await startEmbeddedPostgres({ dataDir, port: config.embeddedPostgresPort, log });
    await cluster.createDatabaseIfMissing('wraparound');
    url = cluster.url('wraparound');
    stop = () => cluster.stop();
  }
  log('Applying migrations');
  await migrateDeploy(url, { quiet: true });
  await migrateJobQueue(url);
  return { url, embedded: !config.databaseUrl, stop };
}
