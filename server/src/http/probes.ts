// Probes for whatever runs the service (a load balancer, an orchestrator). /livez: the process
// answers; restarting it will not help otherwise. /readyz: it can do its work: the database answers
// and has every committed migration, so send it traffic. /healthz is the older name for /livez.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import type { Database } from '@wraparound/prisma';
import { REPO_ROOT } from '../config.ts';
import { RETRY_AFTER_SECONDS } from '../database/unavailable.ts';

const MIGRATIONS = path.join(REPO_ROOT, 'prisma', 'migrations');
/** A probe must answer quickly even when the database does not. */
const READY_TIMEOUT_MS = 3_000;

function committedMigrations(): string[] {
  return readdirSync(MIGRATIONS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(MIGRATIONS, entry.name, 'migration.sql')))
    .map((entry) => entry.name);
}

export function createProbes(db: Database) {
  const committed = committedMigrations();
  const text = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) =>
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers }).end(body);

  async function readiness(): Promise<string | null> {
    const applied = await db.$queryRaw<{ name: string }[]>`
      SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const done = new Set(applied.map((m) => m.name));
    const pending = committed.filter((name) => !done.has(name));
    return pending.length > 0 ? `migrations not applied: ${pending.length} (the first: ${pending[0]})` : null;
  }

  return {
    live(res: ServerResponse) {
      text(res, 200, 'ok');
    },
    async ready(res: ServerResponse) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<string>((resolve) => (timer = setTimeout(() => resolve('database did not answer in time'), READY_TIMEOUT_MS)));
      const problem = await Promise.race([readiness().catch(() => 'database unreachable'), timeout]).finally(() => clearTimeout(timer));
      if (problem) text(res, 503, `not ready: ${problem}`, { 'retry-after': String(RETRY_AFTER_SECONDS) });
      else text(res, 200, 'ready');
    },
  };
}
