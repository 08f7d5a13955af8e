// `pnpm start`: the embedded PostgreSQL (unless DATABASE_URL is set), migrations as the owner, demo
// data on an empty database, then the API and the web app on one origin, connected as the
// application role; the audit chain's head is checkpointed outside the database meanwhile.
import { mkdirSync } from 'node:fs';
import { createDatabaseClient } from '@wraparound/prisma';
import { loadConfig } from './config.ts';
import { checkpointAnchor } from './audit/checkpoint.ts';
import { DatabaseStartError, prepareDatabase, requireLeastPrivilege, startJobWorker } from './database/index.ts';
import { readDemoCredentials, seedDemoIfEmpty } from './demo.ts';
import { createHttpServer } from './http/app.ts';
import { startAuditCheckpointer } from './workers/auditCheckpointer.ts';
import { startDeadlineSweeper } from './workers/deadlineSweeper.ts';
import { createMailTransport } from './notifications/mailer.ts';
import { startEmailDelivery } from './notifications/deliveryWorker.ts';
import { createLiveNotifications } from './notifications/liveNotifications.ts';

const log = (line: string) => console.log(`[wraparound] ${line}`);

async function main() {
  const config = loadConfig();
  mkdirSync(config.dataDir, { recursive: true });
  const database = await prepareDatabase(config, log);
  await requireLeastPrivilege(database.url, config.production, log);
  const db = createDatabaseClient(database.url, { poolMax: config.dbPoolMax });

  if (config.seedDemo) {
    if (await seedDemoIfEmpty(db, config.dataDir)) log('Seeded the demo partnership (Northmoor) into the empty database');
    const credentials = readDemoCredentials(config.dataDir);
    if (credentials) {
      log(`Demo accounts (for trying Wraparound only; also in ${config.dataDir}/demo-users.txt):`);
      console.log(credentials);
    }
  }

  const live = createLiveNotifications(database.url, log);
  const server = createHttpServer({ db, config, live });
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  // Deadlines: a queue job per deadline makes each prompt; the interval sweep is the safety net.
  const jobs = await startJobWorker(db, database.url, log);
  const checkpoints = config.auditCheckpoint;
  const stopCheckpoints = checkpoints.intervalSeconds > 0
    ? startAuditCheckpointer(db, checkpointAnchor(checkpoints, { create: true }), checkpoints.intervalSeconds * 1000, log)
    : async () => {};
  log(`Audit:   ${checkpoints.intervalSeconds > 0 ? `head checkpointed every ${checkpoints.intervalSeconds}s to ${checkpoints.file}` : 'no checkpoints (AUDIT_CHECKPOINT_INTERVAL_SECONDS=0)'}`);
  const stopSweeper = config.sweepIntervalSeconds > 0 ? startDeadlineSweeper(db, config.sweepIntervalSeconds * 1000, log) : async () => {};
  const mail = createMailTransport({ smtpUrl: config.smtpUrl, dataDir: config.dataDir, log });
  let stopEmail = async () => {};
  if (config.mailIntervalSeconds > 0) {
    const delivery = startEmailDelivery(
      db,
      mail,
      { intervalMs: config.mailIntervalSeconds * 1000, maxAttempts: config.mailMaxAttempts, publicUrl: config.publicUrl, from: config.mailFrom },
      log,
    );
    // An email queued in any process wakes the delivery at once; the timer is the safety net.
    await live.onEmailQueued(delivery.wake);
    stopEmail = delivery;
  }
  log(`Email:   ${config.mailIntervalSeconds > 0 ? mail.description : 'off (MAIL_INTERVAL_SECONDS=0)'}`);
  log(`Web:     ${config.publicUrl}/`);
  log(`GraphQL: ${config.publicUrl}/graphql${config.production ? '' : ' (GraphiQL in the browser)'}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    // Outside in: no new requests; the background work finishes its round; then the connections
    // close, each pool before the database it speaks to stops, so nothing is left to hear the
    // database go away.
    server.close();
    server.closeAllConnections();
    await Promise.all([stopSweeper(), stopEmail(), jobs.stop(), stopCheckpoints()]);
    mail.close();
    await live.close();
    await db.$disconnect();
    await database.stop();
    log('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  // A reason we could name is said as it is; anything else with its stack.
  console.error('[wraparound] failed to start:', error instanceof DatabaseStartError ? error.message : error);
  process.exit(1);
});
