// What the figures were measured on: they mean little without it.
import os from 'node:os';
import type pg from 'pg';

export interface Machine { cpu: string; cores: number; memoryGiB: number; node: string; postgres: string; platform: string }

export async function describeMachine(pool: pg.Pool): Promise<Machine> {
  const { rows } = await pool.query('SHOW server_version');
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres: rows[0].server_version,
    platform: `${os.type()} ${os.release()}`,
  };
}
