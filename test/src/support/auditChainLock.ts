// Holds the audit chain's lock (the advisory lock every audit insert takes, see the safeguards
// migration), so a transaction that writes an audit row stops there, uncommitted, with every row
// it has claimed still locked: a test can then look at what a second worker does meanwhile.
import pg from 'pg';

export interface AuditChainLock {
  /** Resolves once at least `count` sessions on this database are waiting for a lock, or as soon
   * as `unless` settles (a worker that finished without waiting). */
  waiters(count?: number, unless?: Promise<unknown>): Promise<void>;
  release(): Promise<void>;
}

export async function holdAuditChain(databaseUrl: string): Promise<AuditChainLock> {
  const holder = new pg.Client({ connectionString: databaseUrl });
  await holder.connect();
  await holder.query(`SELECT pg_advisory_lock(hashtext('wraparound.audit_event_chain'))`);
  return {
    async waiters(count = 1, unless) {
      let settled = false;
      void unless?.then(
        () => (settled = true),
        () => (settled = true),
      );
      for (let i = 0; i < 300; i++) {
        if (settled) return;
        const waiting = await holder.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
        if (waiting.rows[0]!.n >= count) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`fewer than ${count} transactions ever waited for a lock`);
    },
    async release() {
      await holder.query(`SELECT pg_advisory_unlock(hashtext('wraparound.audit_event_chain'))`);
      await holder.end();
    },
  };
}
