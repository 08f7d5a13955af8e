// All configuration comes from the environment, read once here, with defaults that let a person
// try Wraparound on a laptop with nothing but Node installed.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AuthSettings } from '@wraparound/schema';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface Config {
  production: boolean;
  host: string;
  port: number;
  /** Where people reach the service, for links in emails. */
  publicUrl: string;
  /** An external PostgreSQL, as the application role; without it the embedded one under dataDir is used. */
  databaseUrl: string | null;
  /** The same database as its owner, for migrations and grants (README: "An external PostgreSQL"). */
  databaseOwnerUrl: string | null;
  dataDir: string;
  embeddedPostgresPort: number;
  /** Send cookies only over HTTPS. On by default in production. */
  secureCookies: boolean;
  auth: AuthSettings;
  dbPoolMax: number;
  /** Seed the demo partnership into an empty database on start. */
  seedDemo: boolean;
  /** How often the deadline sweep runs (escalation ladder clocks, reminders, expiries). */
  sweepIntervalSeconds: number;
  /** An SMTP relay (`smtp://host:port`, `smtps://user:pass@host`); without it mail is written to <dataDir>/mail/. */
  smtpUrl: string | null;
  /** The From of every email. */
  mailFrom: string;
  /** Attempts at one email before it is marked FAILED. */
  mailMaxAttempts: number;
  /** How often the email outbox is sent (0 turns it off). */
  mailIntervalSeconds: number;
  /** The built web app (web/dist): served at /, and its persisted-operation manifest. */
  webDist: string;
  /** Run only the web app's persisted operations, refusing any other document. On in production. */
  persistedOperationsOnly: boolean;
  auditCheckpoint: AuditCheckpointSettings;
}

/** Where the audit chain's head is anchored, outside the database (server/src/audit/checkpoint.ts). */
export interface AuditCheckpointSettings {
  /** The signed checkpoint: the latest sequence and hash seen intact. */
  file: string;
  /** The signing key, given directly (production: from a secret store) … */
  key: string | null;
  /** … or kept in this file, made on first start if missing. */
  keyFile: string;
  /** How often a new checkpoint is written (0 turns it off). */
  intervalSeconds: number;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, not "${raw}"`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const host = env.HOST ?? '127.0.0.1';
  const port = int(env, 'PORT', 4000);
  const dataDir = path.resolve(REPO_ROOT, env.DATA_DIR ?? '.data');
  const key = env.AUDIT_CHECKPOINT_KEY || null;
  if (key !== null && key.length < 32) throw new Error('AUDIT_CHECKPOINT_KEY must be at least 32 characters');
  return {
    production,
    host,
    port,
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${port}`,
    databaseUrl: env.DATABASE_URL || null,
    databaseOwnerUrl: env.DATABASE_OWNER_URL || null,
    dataDir,
    embeddedPostgresPort: int(env, 'EMBEDDED_PG_PORT', 54329),
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES === 'true' : production,
    auth: {
      sessionIdleMinutes: int(env, 'SESSION_IDLE_MINUTES', 30),
      sessionMaxHours: int(env, 'SESSION_MAX_HOURS', 12),
      lockoutThreshold: int(env, 'LOGIN_LOCKOUT_THRESHOLD', 5),
      lockoutMinutes: int(env, 'LOGIN_LOCKOUT_MINUTES', 15),
    },
    dbPoolMax: int(env, 'DB_POOL_MAX', 8),
    seedDemo: env.SEED_DEMO ? env.SEED_DEMO === 'true' : !production,
    sweepIntervalSeconds: int(env, 'SWEEP_INTERVAL_SECONDS', 30),
    smtpUrl: env.SMTP_URL || null,
    mailFrom: env.MAIL_FROM || 'Wraparound <no-reply@wraparound.invalid>',
    mailMaxAttempts: Math.max(1, int(env, 'MAIL_MAX_ATTEMPTS', 8)),
    mailIntervalSeconds: int(env, 'MAIL_INTERVAL_SECONDS', 10),
    webDist: path.resolve(REPO_ROOT, env.WEB_DIST ?? path.join('web', 'dist')),
    persistedOperationsOnly: env.PERSISTED_OPERATIONS_ONLY ? env.PERSISTED_OPERATIONS_ONLY === 'true' : production,
    auditCheckpoint: {
      file: path.resolve(REPO_ROOT, env.AUDIT_CHECKPOINT_FILE || path.join(dataDir, 'audit-checkpoint.json')),
      key,
      keyFile: path.resolve(REPO_ROOT, env.AUDIT_CHECKPOINT_KEY_FILE || path.join(dataDir, 'audit-checkpoint.key')),
      intervalSeconds: int(env, 'AUDIT_CHECKPOINT_INTERVAL_SECONDS', 60),
    },
  };
}
