// The real `npm start` server (server/src/main.ts) as a process of its own, with its embedded
// PostgreSQL in a data directory the test owns: for what only a whole process shows (kill -9,
// SIGTERM, a second start on the same data).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../../server/src/main.ts', import.meta.url));
const SERVER_DIR = fileURLToPath(new URL('../../../server/', import.meta.url));

export interface WraparoundProcess {
  readonly child: ChildProcess;
  readonly origin: string;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  /** Resolves with "ready" once it serves, or "exited" if it ended first (`exitCode` then says how). */
  readonly started: Promise<'ready' | 'exited'>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startWraparound(env: Record<string, string>, { timeoutMs = 90_000 } = {}): WraparoundProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: SERVER_DIR,
    env: { ...process.env, NODE_ENV: 'test', SEED_DEMO: 'false', SWEEP_INTERVAL_SECONDS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const started = new Promise<'ready' | 'exited'>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not serving after ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('[wraparound] GraphQL:')) {
        clearTimeout(timer);
        resolve('ready');
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    void exited.then(() => {
      clearTimeout(timer);
      resolve('exited');
    });
  });
  return { child, origin: `http://127.0.0.1:${env.PORT}`, output: () => output, started, exited };
}
