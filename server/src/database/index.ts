// Finds or starts the database, brings its schema up to date with the committed migrations (as the
// owner), and grants the application role what it needs (as the owner). The server then connects
// as the application role only.
import path from 'node:path';
import { migrateDeploy } from '@wraparound/prisma/migrate';
import type { Config } from '../config.ts';
import { startEmbeddedPostgres } from './embedded.ts';
import { migrateJobQueue } from './jobQueue.ts';
import { checkApplicationRole, grantApplicationRole } from './roles.ts';

export { startEmbeddedPostgres, EMBEDDED_APP_ROLE, EMBEDDED_OWNER_ROLE, type EmbeddedRole } from './embedded.ts';
export { migrateJobQueue, startJobWorker } from './jobQueue.ts';
export { checkApplicationRole, grantApplicationRole } from './roles.ts';

export interface PreparedDatabase {
  /** As the application role: what the server uses. */
  url: string;
  /** As the owner. */
  ownerUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** Migrations (ours, then the job queue's) as the owner, then the application role's grants. */
export async function migrateAndGrant(ownerUrl: string, appUrl: string): Promise<void> {
  await migrateDeploy(ownerUrl, { quiet: true });
  await migrateJobQueue(ownerUrl);
  const appRole = decodeURIComponent(new URL(appUrl).username);
  const ownerRole = decodeURIComponent(new URL(ownerUrl).username);
  if (appRole !== ownerRole) await grantApplicationRole(ownerUrl, appRole);
}

export async function prepareDatabase(
  config: Config,
  log: (line: string) => void,
  { migrate = true }: { migrate?: boolean } = {},
): Promise<PreparedDatabase> {
  let url = config.databaseUrl;
  let ownerUrl = config.databaseOwnerUrl ?? url;
  let stop = async () => {};
  if (!url) {
    const dataDir = path.join(config.dataDir, 'postgres');
    log(`Starting the embedded PostgreSQL (data in ${dataDir}, port ${config.embeddedPostgresPort})`);
    const cluster = await startEmbeddedPostgres({ dataDir, port: config.embeddedPostgresPort });
    await cluster.createDatabaseIfMissing('wraparound');
    url = cluster.url('wraparound', 'app');
    ownerUrl = cluster.url('wraparound', 'owner');
    stop = () => cluster.stop();
  }
  if (migrate) {
    log('Applying migrations');
    await migrateAndGrant(ownerUrl!, url);
  }
  return { url, ownerUrl: ownerUrl!, embedded: !config.databaseUrl, stop };
}

/**
 * Refuses (in production) or warns about a server connection that could rewrite the audit trail:
 * a superuser, the tables' owner, or a role granted UPDATE or DELETE on it.
 */
export async function requireLeastPrivilege(url: string, production: boolean, log: (line: string) => void): Promise<void> {
  const role = await checkApplicationRole(url);
  if (!role.superuser && !role.canRewriteAudit) return;
  const problem =
    `The server connects to PostgreSQL as "${role.role}", ${role.superuser ? 'a superuser' : 'a role that owns or may change the audit trail'}: ` +
    `connect DATABASE_URL as an application role and give the owner's login in DATABASE_OWNER_URL (README, "An external PostgreSQL")`;
  if (production) throw new Error(problem);
  log(`WARNING: ${problem}`);
}
