// Finds or starts the database, brings its schema up to date with the committed migrations (as the
// owner), and grants the application role what it needs (as the owner). The server then connects
// as the application role only.
import { migrateDeploy } from '@wraparound/prisma/migrate';
import type { Config } from '../config.ts';
import { migrateJobQueue } from './jobQueue.ts';
import { openDatabase, type OpenDatabase } from './open.ts';
import { checkApplicationRole, grantApplicationRole } from './roles.ts';

export { startEmbeddedPostgres, EMBEDDED_APP_ROLE, EMBEDDED_OWNER_ROLE, type EmbeddedRole } from './embedded.ts';
export { DatabaseStartError } from './leftBehind.ts';
export { migrateJobQueue, startJobWorker } from './jobQueue.ts';
export { checkApplicationRole, grantApplicationRole } from './roles.ts';
export { openDatabase, type OpenDatabase } from './open.ts';

/** Migrations (ours, then the job queue's) as the owner, then the application role's grants. */
export async function migrateAndGrant(ownerUrl: string, appUrl: string): Promise<void> {
  await migrateDeploy(ownerUrl, { quiet: true });
  await migrateJobQueue(ownerUrl);
  const appRole = decodeURIComponent(new URL(appUrl).username);
  const ownerRole = decodeURIComponent(new URL(ownerUrl).username);
  if (appRole !== ownerRole) await grantApplicationRole(ownerUrl, appRole);
}

export async function prepareDatabase(config: Config, log: (line: string) => void): Promise<OpenDatabase> {
  const database = await openDatabase(config, log);
  log('Applying migrations');
  await migrateAndGrant(database.ownerUrl, database.url);
  return database;
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
