// `pnpm bench:generate [--scale 1] [--seed N] [--database NAME] [--keep]`: writes the synthetic
// partnership into a fresh database (DATABASE_URL's server, else the benchmark's embedded one in
// BENCH_DATA_DIR on BENCH_PG_PORT) and prints what it wrote.
import { numberArg, parseArgs } from './args.ts';
import { DEFAULT_OPTIONS, generate } from './generate/index.ts';
import { benchDatabase } from './run/database.ts';

const args = parseArgs(process.argv.slice(2));
const scale = numberArg(args, 'scale', 1);
const database = await benchDatabase(scale, { name: args.get('database') });
try {
  const summary = await generate(database.url, { scale, seed: numberArg(args, 'seed', DEFAULT_OPTIONS.seed) });
  console.log(JSON.stringify({ database: database.url.replace(/:[^:@/]+@/, ':***@'), ...summary }, null, 2));
} finally {
  await database.stop();
}
