// Where the benchmark's data lives: DATABASE_URL's server if given, else an embedded PostgreSQL of
// the benchmark's own (its data directory and port apart from `npm start`'s and the tests').
// A fresh database (or, kept, the last one) is with the committed migrations and the job queue's schema.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { migrateDeploy } from '@wraparound/prisma/migrate';
import { migrateJobQueue, startEmbeddedPostgres } from '@wraparound/server';
import pg from 'pg';

export interface BenchDatabase {
  url: string;
  stop(): Promise<void>;
}

export async function freshDatabase(options: {
  name: string; dataDir: string; port: number; databaseUrl?: string; keep?: boolean; settings?: Record<string, string>;
}): Promise<BenchDatabase> {
  let adminUrl: string;
  let urlFor: (db: string) => string;
  let stop = async () => {};
  if (options.databaseUrl) {
    const base = new URL(options.databaseUrl);
    urlFor = (db) => Object.assign(new URL(base), { pathname: `/${db}` }).toString();
    adminUrl = urlFor('postgres');
  } else {
    mkdirSync(options.dataDir, { recursive: true });
    const cluster = await startEmbeddedPostgres({ dataDir: path.join(options.dataDir, 'postgres'), port: options.port, settings: options.settings });
    urlFor = cluster.url;
    adminUrl = cluster.url('postgres');
    stop = () => cluster.stop();
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.name])).rowCount;
    if (!(exists && options.keep)) {
      if (exists) await admin.query(`DROP DATABASE ${admin.escapeIdentifier(options.name)} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(options.name)}`);
    }
  } finally {
    await admin.end();
  }
  const url = urlFor(options.name);
  await migrateDeploy(url, { quiet: true });
  await migrateJobQueue(url);
  return { url, stop };
}

/** The benchmark's database for a scale (by default the one every command at that scale uses). */
export function benchDatabase(scale: number, options: { keep?: boolean; name?: string } = {}): Promise<BenchDatabase> {
  return freshDatabase({
    name: options.name ?? `bench_${String(scale).replace('.', '_')}`,
    dataDir: process.env.BENCH_DATA_DIR ?? '/tmp/wraparound-bench',
    port: Number(process.env.BENCH_PG_PORT ?? 54359),
    databaseUrl: process.env.DATABASE_URL,
    keep: options.keep,
    settings: benchSettings(),
  });
}

/**
 * The embedded server's memory, sized as a partnership's database server would be on a machine like
 * this one (24 GiB): PostgreSQL's 128 MB default holds a tenth of a county, not a county, and the
 * county's reads then come from the operating system's cache a page at a time. BENCH_PG_SETTINGS
 * ("name=value,name=value") replaces these.
 */
export function benchSettings(): Record<string, string> {
  const given = process.env.BENCH_PG_SETTINGS;
  if (given !== undefined) return Object.fromEntries(given.split(',').filter(Boolean).map((pair) => pair.split('=', 2) as [string, string]));
  return { shared_buffers: '4GB', effective_cache_size: '12GB', work_mem: '16MB' };
}
