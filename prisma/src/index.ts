// The database client: Prisma's engine-free client (query compiler + node-postgres adapter).
// Every package reaches PostgreSQL through `createDatabaseClient`, so pool sizing and logging are
// decided here once.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client/client.ts';
import { installPlanCache } from './planCache.ts';

// Before any client compiles a query.
await installPlanCache();

export * from './generated/client/client.ts';
export type * from './generated/client/models.ts';
export { planCacheStats, setPlanCacheMode, type PlanCacheMode } from './planCache.ts';

export interface DatabaseClientOptions {
  /** Connections in the pool. The machines are 2-core: a handful is plenty. */
  poolMax?: number;
  /** Called with each SQL statement, for tests that count round trips (and, with its parameters and
   * duration, for the benchmark's EXPLAIN of the slowest). */
  onQuery?: (sql: string, event: { params: string; duration: number }) => void;
}

/**
 * Session settings for every connection. random_page_cost: PostgreSQL's default (4) prices a
 * random read as a spinning disk's; a partnership's data sits in memory or on SSD, where 1.1 is
 * the usual figure. With 4 the planner hashed all 50,000 concerns to check one child's 500
 * entries (60 ms) instead of looking each up (9 ms).
 */
export const SESSION_OPTIONS = '-c random_page_cost=1.1';

export function createDatabaseClient(url: string, options: DatabaseClientOptions = {}) {
  const adapter = new PrismaPg({
    connectionString: url,
    options: SESSION_OPTIONS,
    max: options.poolMax ?? 10,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
  });
  const client = new PrismaClient({
    adapter,
    log: options.onQuery ? [{ emit: 'event', level: 'query' }] : [],
  });
  if (options.onQuery) {
    const onQuery = options.onQuery;
    client.$on('query' as never, (event: { query: string; params: string; duration: number }) => onQuery(event.query, event));
  }
  return client;
}

export type Database = ReturnType<typeof createDatabaseClient>;
/** A client or an interactive transaction: what domain functions that write take. */
export type DatabaseTx = Omit<Database, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;
