// The committed SDL is the schema: a change to the schema must come with `pnpm schema:print`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSchema } from 'graphql';
import { schema } from '@wraparound/schema';
import { describe, expect, it } from 'vitest';

const SDL = fileURLToPath(new URL('../../../schema/schema.graphql', import.meta.url));

describe('schema/schema.graphql', () => {
  it('matches the schema the code builds (run `pnpm schema:print` after changing it)', () => {
    expect(readFileSync(SDL, 'utf8')).toBe(`${printSchema(schema)}\n`);
  });
});
