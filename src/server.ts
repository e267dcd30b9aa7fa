import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { buildApp } from './api/app.js';
import { registerWeb, type WebOptions } from './web/index.js';
import { openDb, type Db } from './storage/db.js';
import { migrate } from './storage/migrate.js';
import { countUsers } from './storage/users.js';
import { addUser } from './operations/add-user.js';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from './operations/seed-demo.js';

export interface StartOptions {
  config: Config;
  demo: boolean;
}

/** Opens the database the configuration names, with every migration applied. */
export async function openConfiguredDb(config: Config): Promise<Db> {
  const db = await openDb({ databaseUrl: config.DATABASE_URL, dataDir: config.PIANO_DATA_DIR });
  await migrate(db);
  return db;
}

/** The first admin comes from PIANO_ADMIN_EMAIL / PIANO_ADMIN_PASSWORD when no user exists. */
async function ensureFirstAdmin(db: Db, config: Config): Promise<string | null> {
  if (!config.PIANO_ADMIN_EMAIL || !config.PIANO_ADMIN_PASSWORD) return null;
  if ((await countUsers(db)) > 0) return null;
  await addUser({
    db,
    email: config.PIANO_ADMIN_EMAIL,
    name: 'Amministratore',
    password: config.PIANO_ADMIN_PASSWORD,
    platformRole: 'consultant',
  });
  return config.PIANO_ADMIN_EMAIL;
}

/** The API and the web interface on one Fastify instance, not yet listening. */
export async function buildServer(options: {
  db: Db;
  config: Config;
  web?: Omit<WebOptions, 'db'>;
}) {
  const app = await buildApp({ db: options.db, config: options.config });
  await registerWeb(app, { db: options.db, ...options.web });
  return app;
}

export async function startServer({ config, demo }: StartOptions): Promise<FastifyInstance> {
  const db = await openConfiguredDb(config);
  const app = await buildServer({ db, config });
  app.addHook('onClose', () => db.close());
  const admin = await ensureFirstAdmin(db, config);
  if (admin) app.log.info({ email: admin }, 'first administrator created');
  if (demo) {
    const loaded = await seedDemo(db);
    if (loaded) {
      app.log.info(
        { planId: loaded.planId, users: DEMO_USERS.map((u) => u.email), password: DEMO_PASSWORD },
        'demo plan loaded (demo accounts share the password shown)',
      );
    }
  }
  await app.listen({ port: config.PORT, host: config.HOST });
  return app;
}
