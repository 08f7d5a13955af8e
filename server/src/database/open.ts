// Finds the database: DATABASE_URL's (and DATABASE_OWNER_URL's), or the embedded cluster's, started
// if it is not running already. Migrates nothing (index.ts does), so a command that only reads,
// such as `pnpm audit:verify`, loads no more than it needs.
import path from 'node:path';
import type { Config } from '../config.ts';
import { startEmbeddedPostgres } from './embedded.ts';

export interface OpenDatabase {
  /** As the application role: what the server uses. */
  url: string;
  /** As the owner (DATABASE_URL's login when DATABASE_OWNER_URL is unset). */
  ownerUrl: string;
  embedded: boolean;
  /** Stops the embedded cluster if this process started it. */
  stop(): Promise<void>;
}

export async function openDatabase(config: Config, log: (line: string) => void, options: { joinRunning?: boolean } = {}): Promise<OpenDatabase> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, ownerUrl: config.databaseOwnerUrl ?? config.databaseUrl, embedded: false, stop: async () => {} };
  }
  const dataDir = path.join(config.dataDir, 'postgres');
  log(`Starting the embedded PostgreSQL (data in ${dataDir}, port ${config.embeddedPostgresPort})`);
  const cluster = await startEmbeddedPostgres({ dataDir, port: config.embeddedPostgresPort, log, joinRunning: options.joinRunning });
  await cluster.createDatabaseIfMissing('wraparound');
  return { url: cluster.url('wraparound', 'app'), ownerUrl: cluster.url('wraparound', 'owner'), embedded: true, stop: () => cluster.stop() };
}
