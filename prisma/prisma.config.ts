// Prisma CLI configuration: migrate runs through the node-postgres driver adapter and the WASM
// schema engine that ships inside the `prisma` package, so no engine binary is ever downloaded.
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
  adapter: async () => {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error('DATABASE_URL is not set: migrations need a database.');
    return new PrismaPg({ connectionString });
  },
});
