// A second Wraparound server in a process of its own, on the given database: for tests that need
// two server processes (live updates written in one, heard in the other). Prints "listening <port>".
import type { AddressInfo } from 'node:net';
import { createDatabaseClient } from '@wraparound/prisma';
import { createHttpServer, createLiveNotifications, loadConfig } from '@wraparound/server';

const [url] = process.argv.slice(2);
const db = createDatabaseClient(url!, { poolMax: 4 });
const live = createLiveNotifications(url!, (line) => process.stderr.write(`${line}\n`));
const server = createHttpServer({ db, config: { ...loadConfig({ NODE_ENV: 'test', SECURE_COOKIES: 'false' }), seedDemo: false }, live });
server.listen(0, '127.0.0.1', () => process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`));
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close();
  void live.close().then(() => db.$disconnect()).then(() => process.exit(0));
});
