#!/usr/bin/env node
// Runs the pnpm version pinned in package.json's packageManager, so a machine with only Node and
// npm needs nothing installed by hand. Uses a pnpm already on PATH when it is the pinned version.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const pinned = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).packageManager;
const version = pinned.split('@')[1];
const args = process.argv.slice(2);

const onPath = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
const run =
  onPath.status === 0 && onPath.stdout.trim() === version
    ? spawnSync('pnpm', args, { stdio: 'inherit' })
    : spawnSync('npx', ['--yes', `pnpm@${version}`, ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);
