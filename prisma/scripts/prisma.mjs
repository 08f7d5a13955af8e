#!/usr/bin/env node
// Runs the Prisma CLI on its engine-free path (see ../prisma.config.ts).
// The CLI still checks that native engine files exist before generate/migrate and would try to
// download them; pointing both variables at a file that exists skips that. The files are never
// executed: the client runs on the query compiler and migrate on the WASM schema engine.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = fileURLToPath(import.meta.url);
const root = path.dirname(path.dirname(here));
const require = createRequire(import.meta.url);
const cli = path.join(path.dirname(require.resolve('prisma/package.json')), 'build', 'index.js');

const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    // generators such as prisma-pothos-types are found on PATH
    PATH: `${path.join(root, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
    PRISMA_SCHEMA_ENGINE_BINARY: here,
    PRISMA_QUERY_ENGINE_LIBRARY: here,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
});
process.exit(result.status ?? 1);
