// The e2e tests drive the built web app (web/dist), as production serves it. `npm test` builds it
// before the tests; a developer running vitest directly gets a build here when web/ changed since.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const WEB = path.join(REPO, 'web');

function newestSource(): number {
  const files = readdirSync(path.join(WEB, 'src'), { recursive: true, encoding: 'utf8' }).map((f) => path.join(WEB, 'src', f));
  files.push(path.join(WEB, 'index.html'), path.join(WEB, 'vite.config.ts'), path.join(WEB, 'scripts', 'persistedManifest.ts'));
  return Math.max(...files.map((f) => statSync(f).mtimeMs));
}

export function ensureWebBuilt() {
  const manifest = path.join(WEB, 'dist', 'persisted-operations.json');
  if (existsSync(manifest) && statSync(manifest).mtimeMs >= newestSource()) return;
  const build = spawnSync(process.execPath, [path.join(REPO, 'tools', 'pnpm.mjs'), '--filter', '@wraparound/web', 'run', 'build'], {
    cwd: REPO,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('building the web app failed');
}
