// An unexpected failure reaches the client as a bare "Unexpected error.": no message, stack
// trace or SQL. Here the failure is real: the server's database does not exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUrl, startTestApp, type TestApp } from '../support/app.ts';
import { LOGIN } from '../support/personas.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ databaseUrl: databaseUrl('no_such_database_for_wraparound') });
});
afterAll(() => app?.close());

describe('masked errors', () => {
  it('hide what went wrong inside the server', async () => {
    const result = await app.anonymous.request(LOGIN, { input: { email: 'dsl@oakfield.example', password: 'secret' } });
    expect(result.errors).toEqual([
      expect.objectContaining({ message: 'Unexpected error.', extensions: expect.objectContaining({ code: 'INTERNAL_SERVER_ERROR' }) }),
    ]);
    for (const leak of ['no_such_database', 'prisma', 'Prisma', 'stack', 'SELECT', 'postgres', 'at ']) {
      expect(result.raw).not.toContain(leak);
    }
  });
});
