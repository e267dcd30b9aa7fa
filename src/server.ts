import type { FastifyInstance } from 'fastify';
import { oidcSettingsOf, publicBaseUrl, type Config } from './config.js';
import { buildApp } from './api/app.js';
import { registerWeb, type WebOptions } from './web/index.js';
import type { Db } from './storage/db.js';
import { addFirstAdmin } from './operations/add-first-admin.js';
import { openDatabase } from './operations/open-database.js';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from './operations/seed-demo.js';

export interface StartOptions {
  config: Config;
  demo: boolean;
}

/** The API and the web interface on one Fastify instance, not yet listening. */
export async function buildServer(options: {
  db: Db;
  config: Config;
  web?: Partial<Omit<WebOptions, 'db'>>;
}) {
  const app = await buildApp({ db: options.db, config: options.config });
  await registerWeb(app, {
    db: options.db,
    publicUrl: publicBaseUrl(options.config),
    cookies: {
      sessionHours: options.config.PIANO_SESSION_HOURS,
      secure: options.config.PIANO_COOKIE_SECURE,
    },
    oidc: oidcSettingsOf(options.config),
    ...options.web,
  });
  return app;
}

/** Opens the database, builds the API and the web on it and listens: the one place that composes them. */
export async function startServer({ config, demo }: StartOptions): Promise<FastifyInstance> {
  const db = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.PIANO_DATA_DIR,
    cacheMb: config.PIANO_DB_CACHE_MB,
  });
  const app = await buildServer({ db, config });
  app.addHook('onClose', () => db.close());
  const admin = await addFirstAdmin({
    db,
    email: config.PIANO_ADMIN_EMAIL,
    password: config.PIANO_ADMIN_PASSWORD,
  });
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
