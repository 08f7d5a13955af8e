// A PostgreSQL that a previous run left behind. The embedded cluster is a child process of the
// server; when the server is killed outright (kill -9, the OOM killer) the cluster keeps running,
// orphaned, holding postmaster.pid and the port, and PostgreSQL refuses to start a second
// postmaster on the same data. On start we find it through postmaster.pid and stop it, unless a
// live server still owns it. When the cluster still cannot start, the reason is said plainly.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Starting the database failed for a reason the message explains in full (no stack needed). */
export class DatabaseStartError extends Error {}

interface ProcessInfo {
  ppid: number;
  command: string;
}

function processInfo(pid: number): ProcessInfo | null {
  try {
    if (existsSync('/proc/self/stat')) {
      // The command name in stat is in parentheses and may hold spaces: the fields follow the last ')'.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
      return { ppid, command };
    }
    const [ppid, ...command] = execFileSync('ps', ['-o', 'ppid=,args=', '-p', String(pid)], { encoding: 'utf8' }).trim().split(/\s+/);
    return { ppid: Number(ppid), command: command.join(' ') };
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function exited(pid: number, withinMs: number): Promise<boolean> {
  for (const deadline = Date.now() + withinMs; Date.now() < deadline; await sleep(100)) if (!alive(pid)) return true;
  return !alive(pid);
}

/** Stops the postmaster a killed server left running on `databaseDir`; refuses one a live server owns. */
export async function stopLeftBehindPostgres(databaseDir: string, log: (line: string) => void): Promise<void> {
  let pid: number;
  try {
    pid = Number(readFileSync(path.join(databaseDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return;
  }
  // A dead postmaster's lock file PostgreSQL clears itself.
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return;
  const postmaster = processInfo(pid);
  if (!postmaster || !postmaster.command.includes(databaseDir)) {
    throw new DatabaseStartError(
      `${databaseDir}/postmaster.pid names process ${pid}, which is running but is not this cluster's PostgreSQL as far as can be told. ` +
        'If no PostgreSQL is using that folder, delete postmaster.pid and start again.',
    );
  }
  // The server that started it is its parent; an orphan has been handed to init (or a subreaper).
  const owner = postmaster.ppid > 1 ? processInfo(postmaster.ppid) : null;
  if (owner && /\bnode\b|tsx/.test(owner.command)) {
    throw new DatabaseStartError(
      `The embedded PostgreSQL in ${databaseDir} is already in use by process ${postmaster.ppid} (${owner.command.slice(0, 120)}): ` +
        'another Wraparound server on the same DATA_DIR. Stop that one first, or give this one a DATA_DIR of its own.',
    );
  }
  log(`Stopping the PostgreSQL a previous run left behind (process ${pid})`);
  try {
    // Fast shutdown: disconnects its clients and writes a clean checkpoint.
    process.kill(pid, 'SIGINT');
  } catch (error) {
    throw new DatabaseStartError(
      `A PostgreSQL left behind by a previous run (process ${pid}) holds ${databaseDir} and cannot be stopped from here (${(error as Error).message}). ` +
        `Stop it as its owner (kill -INT ${pid}) and start again.`,
    );
  }
  if (await exited(pid, 30_000)) return;
  // Immediate shutdown: PostgreSQL recovers from its log on the next start.
  process.kill(pid, 'SIGQUIT');
  if (!(await exited(pid, 10_000))) {
    throw new DatabaseStartError(`The PostgreSQL left behind by a previous run (process ${pid}) did not stop; stop it (kill -QUIT ${pid}) and start again.`);
  }
}

/** Why the postmaster would not start, from what it printed. */
export function explainStartFailure(output: string, databaseDir: string, port: number): DatabaseStartError {
  if (/could not bind|Address already in use/i.test(output)) {
    return new DatabaseStartError(`The embedded PostgreSQL cannot listen: port ${port} is in use by another program. Set EMBEDDED_PG_PORT to a free port.`);
  }
  if (/lock file "postmaster\.pid" already exists/.test(output)) {
    return new DatabaseStartError(`Another PostgreSQL is using ${databaseDir}; stop it, or give this server a DATA_DIR of its own.`);
  }
  const last = output.trim().split('\n').slice(-5).join('\n');
  return new DatabaseStartError(`The embedded PostgreSQL in ${databaseDir} did not start${last ? `:\n${last}` : ''}`);
}
