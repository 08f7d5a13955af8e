// The server's own commands (`pnpm start`, `pnpm audit:verify`), run as an operator runs them: a
// process of their own, configured only by environment variables.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const SERVER_SRC = new URL('../../../server/src/', import.meta.url);
const START = fileURLToPath(new URL('main.ts', SERVER_SRC));
const AUDIT_VERIFY = fileURLToPath(new URL('auditVerifyCommand.ts', SERVER_SRC));

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `pnpm audit:verify` with these settings (nothing inherited but PATH and HOME). */
export function runAuditVerify(env: Record<string, string>): Promise<CommandResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', AUDIT_VERIFY], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface StartedServer {
  process: ChildProcess;
  /** Every line it has printed. */
  output: string[];
  /** How it ended (a signal's name when it was killed). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the first printed line matching `pattern` (fails if the process ends first). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** SIGTERM, and its exit code. */
  stop(): Promise<number | null>;
}

/** `pnpm start` with these settings. */
export function startServerCommand(env: Record<string, string>): StartedServer {
  const child = spawn(process.execPath, ['--import', 'tsx', START], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const waiting = new Set<() => void>();
  let exited = false;
  // 'close', not 'exit': by then every line it printed has been read.
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => {
    exited = true;
    for (const check of waiting) check();
    resolve({ code, signal });
  }));
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => {
      output.push(line);
      for (const check of waiting) check();
    });
  }
  return {
    process: child,
    output,
    exited: exit,
    waitFor(pattern, timeoutMs = 120_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => done(new Error(`no line matching ${pattern} within ${timeoutMs} ms:\n${output.join('\n')}`)), timeoutMs);
        const done = (error: Error | null, line?: string) => {
          clearTimeout(timer);
          waiting.delete(check);
          if (error) reject(error);
          else resolve(line!);
        };
        const check = () => {
          const line = output.find((l) => pattern.test(l));
          if (line) done(null, line);
          else if (exited) done(new Error(`the server stopped before printing ${pattern}:\n${output.join('\n')}`));
        };
        waiting.add(check);
        check();
      });
    },
    async stop() {
      if (!exited) child.kill('SIGTERM');
      return (await exit).code;
    },
  };
}
