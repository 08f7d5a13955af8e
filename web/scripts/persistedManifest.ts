// After `vite build`: the persisted-operation manifest, dist/persisted-operations.json, mapping the
// sha256 of each operation's text to that text. The server in production runs only these.
// Operations live in src/**/*.graphql.ts (next to the screen that uses them); every exported
// document there is included. The hash is the one @urql/exchange-persisted sends: sha256 of
// urql's stringifyDocument, computed here with the same function.
import { createHash } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stringifyDocument } from '@urql/core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const files = readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.graphql.ts'))
  .sort();

type DocumentNode = Exclude<Parameters<typeof stringifyDocument>[0], string>;
const isDocument = (value: unknown): value is DocumentNode =>
  typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'Document';

const manifest: Record<string, string> = {};
for (const file of files) {
  const module = (await import(pathToFileURL(path.join(root, 'src', file)).href)) as Record<string, unknown>;
  for (const document of Object.values(module).filter(isDocument)) {
    const text = stringifyDocument(document);
    manifest[createHash('sha256').update(text).digest('hex')] = text;
  }
}
writeFileSync(path.join(root, 'dist', 'persisted-operations.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`persisted-operations.json: ${Object.keys(manifest).length} operations from ${files.length} files`);
