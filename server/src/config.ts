// All configuration comes from the environment, read once here, with defaults that let a person
// try Wraparound on a laptop with nothing but Node installed.
import { createHash } from 'node:crypto';
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
  /** Other origins whose pages may call the API with the user's session (CORS); none by default. */
  corsAllowedOrigins: string[];
  /** The largest GraphQL request body read, in bytes; larger ones get 413 unread. */
  requestBodyLimitBytes: number;
  /** Requests one session may send a minute (per process); 0 turns the limit off. */
  sessionRequestsPerMinute: number;
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

/**
 * The key that seals authenticator secrets: `SECOND_FACTOR_KEY`, 32 random bytes in base64
 * (`openssl rand -base64 32`). Required in production; elsewhere a fixed development key stands
 * in, which protects nothing.
 */
function secondFactorKey(env: NodeJS.ProcessEnv, production: boolean): Buffer {
  const raw = env.SECOND_FACTOR_KEY;
  if (!raw) {
    if (production) throw new Error('SECOND_FACTOR_KEY must be set in production: 32 random bytes in base64 (openssl rand -base64 32)');
    return createHash('sha256').update('wraparound development second-factor key').digest();
  }
  const key = Buffer.from(raw, 'base64');
  if (key.length !== 32) throw new Error('SECOND_FACTOR_KEY must be 32 bytes in base64 (openssl rand -base64 32)');
  return key;
}

/** `CORS_ALLOWED_ORIGINS`: origins (scheme, host, port) separated by commas; never `*`, which
 * with credentials would let any site act as the signed-in user. */
function origins(env: NodeJS.ProcessEnv, name: string): string[] {
  const raw = env[name]?.trim();
  if (!raw) return [];
  return raw.split(',').map((entry) => {
    const value = entry.trim();
    let url: URL | null = null;
    try {
      url = new URL(value);
    } catch {
      // reported below
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== value.replace(/\/$/, '')) {
      throw new Error(`${name} must list origins such as https://partner.example, separated by commas; "${value}" is not one`);
    }
    return url.origin;
  });
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
      lockoutMinutes: Math.max(1, int(env, 'LOGIN_LOCKOUT_MINUTES', 15)),
      firstPauseSeconds: Math.max(1, int(env, 'LOGIN_FIRST_PAUSE_SECONDS', 30)),
      addressFailureLimit: Math.max(1, int(env, 'LOGIN_ADDRESS_FAILURE_LIMIT', 30)),
      accountFailureLimit: Math.max(1, int(env, 'LOGIN_ACCOUNT_FAILURE_LIMIT', 50)),
      secondFactorKey: secondFactorKey(env, production),
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
    corsAllowedOrigins: origins(env, 'CORS_ALLOWED_ORIGINS'),
    // The longest narrative is 20,000 characters; a whole request is far less than 1 MB.
    requestBodyLimitBytes: Math.max(1024, int(env, 'REQUEST_BODY_LIMIT_BYTES', 1024 * 1024)),
    // A page sends a handful of requests; 600 a minute is ten a second, sustained.
    sessionRequestsPerMinute: int(env, 'SESSION_REQUESTS_PER_MINUTE', 600),
    auditCheckpoint: {
      file: path.resolve(REPO_ROOT, env.AUDIT_CHECKPOINT_FILE || path.join(dataDir, 'audit-checkpoint.json')),
      key,
      keyFile: path.resolve(REPO_ROOT, env.AUDIT_CHECKPOINT_KEY_FILE || path.join(dataDir, 'audit-checkpoint.key')),
      intervalSeconds: int(env, 'AUDIT_CHECKPOINT_INTERVAL_SECONDS', 60),
    },
  };
}
