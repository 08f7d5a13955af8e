// The probes a load balancer or orchestrator asks: /livez (and the older /healthz) while the
// process answers; /readyz only while the database answers and has every committed migration.
// (The database being down is in outage.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

const probe = async (path: string) => {
  const response = await fetch(`${app.url}${path}`);
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.text() };
};

describe('probes', () => {
  it('says live and ready when the database is up to date', async () => {
    expect(await probe('/livez')).toMatchObject({ status: 200, body: 'ok' });
    expect(await probe('/healthz')).toMatchObject({ status: 200, body: 'ok' });
    expect(await probe('/readyz')).toMatchObject({ status: 200, body: 'ready' });
  });

  it('is not ready while a committed migration is not applied, and says which', async () => {
    const [latest] = (await app.sql<{ name: string }>('SELECT migration_name AS name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1')).rows;
    await app.sql('UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = $1', [latest!.name]);
    try {
      const answer = await probe('/readyz');
      expect(answer).toMatchObject({ status: 503, retryAfter: expect.stringMatching(/^\d+$/) });
      expect(answer.body).toContain(`migrations not applied: 1 (the first: ${latest!.name})`);
      expect(await probe('/livez')).toMatchObject({ status: 200 });
    } finally {
      await app.sql('UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE migration_name = $1', [latest!.name]);
    }
    expect(await probe('/readyz')).toMatchObject({ status: 200 });
  });
});
