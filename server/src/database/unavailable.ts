// Whether an error means the database cannot be reached just now (stopped, restarting, out of
// connections, the network between) rather than a bug. A client told so (503, Retry-After) can
// try again; a bug stays a masked "Unexpected error.".
//
// The errors arrive in several shapes: node-postgres's own (a socket error code, a SQLSTATE, or a
// bare message when the connection drops), Prisma's driver adapter's (a `kind`), and Prisma's
// client errors wrapping them (a P-code, the original as `cause`).

/** Seconds a client is asked to wait (Retry-After) while the database is unreachable. */
export const RETRY_AFTER_SECONDS = 5;

/** SQLSTATE class 08 (connection exception); 57P01-57P03 (shut down by an administrator, crash
 * shutdown, cannot connect now: starting or stopping); 53300 (too many connections). */
const SQLSTATE = /^(08...|57P0[123]|53300)$/;
/** Can't reach the server, timed out, server closed the connection, pool timeout. */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
const MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Can't reach database server|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery mode)/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending = [error];
  while (pending.length > 0 && seen.size < 20) {
    const current = pending.pop();
    if (current === null || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const { code, kind, message, cause, originalError, errors } = current as Record<string, unknown>;
    if (typeof code === 'string' && (SQLSTATE.test(code) || PRISMA_CODES.has(code) || SOCKET_CODES.has(code))) return true;
    if (typeof kind === 'string' && ADAPTER_KINDS.has(kind)) return true;
    if (typeof message === 'string' && MESSAGES.test(message)) return true;
    pending.push(cause, originalError, ...(Array.isArray(errors) ? errors : []));
  }
  return false;
}
