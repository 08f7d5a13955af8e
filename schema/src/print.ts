// Prints the schema's SDL to schema/schema.graphql, which is committed so that every schema
// change shows in review. A test fails when the file is stale: run `pnpm schema:print`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSchema } from 'graphql';
import { schema } from './index.ts';

export const SDL_PATH = fileURLToPath(new URL('../schema.graphql', import.meta.url));

writeFileSync(SDL_PATH, `${printSchema(schema)}\n`);
console.log(`wrote ${SDL_PATH}`);
