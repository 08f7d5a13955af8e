import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // One graphql instance, as in production: Vite would otherwise load graphql's ESM build for
    // our code and Node its CommonJS build for graphql-yoga, and `instanceof GraphQLError` fails.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/support/globalSetup.ts'],
    // 2 cores: two files at a time, each against its own database.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    // Every query plan the cache gives is checked against the compiler's own (prisma/src/planCache.ts).
    env: { PRISMA_PLAN_CACHE: 'verify' },
    hookTimeout: 120_000,
    // Browser tests poll for what a person would see next. The default 1 s is too short when
    // the 2 cores are busy (a submit's round trip alone can take longer); waiting longer changes
    // nothing about what must appear.
    expect: { poll: { timeout: 10_000 } },
    // CI asks for a JSON report too (.ci/run prints its totals as the closing line).
    reporters: process.env.VITEST_JSON ? ['default', 'json'] : ['default'],
    outputFile: process.env.VITEST_JSON ? { json: process.env.VITEST_JSON } : undefined,
  },
});
