// `pnpm seed`: seed the demo partnership into the configured database if it is empty.
import { mkdirSync } from 'node:fs';
import { createDatabaseClient } from '@wraparound/prisma';
import { loadConfig } from './config.ts';
import { prepareDatabase } from './database/index.ts';
import { seedDemoIfEmpty } from './demo.ts';

const config = loadConfig();
mkdirSync(config.dataDir, { recursive: true });
const database = await prepareDatabase(config, console.log);
const db = createDatabaseClient(database.url);
const seeded = await seedDemoIfEmpty(db, config.dataDir);
console.log(seeded ? `Seeded; demo accounts in ${config.dataDir}/demo-users.txt` : 'The database holds data already: nothing seeded.');
await db.$disconnect();
await database.stop();
