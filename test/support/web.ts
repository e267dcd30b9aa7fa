/**
 * The whole server (API and web interface) with the demo plan, listening on a free port, and a
 * real browser: Debian's Chromium driven by playwright-core (nothing is downloaded). One browser
 * per test file, one context per test, as starting Chromium takes seconds.
 */
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { loadConfig } from '../../src/config.js';
import { seedDemo } from '../../src/operations/seed-demo.js';
import { buildServer } from '../../src/server.js';
import type { Db } from '../../src/storage/db.js';
import { openTestDb } from './db.js';

export const CHROMIUM = process.env.PIANO_CHROMIUM ?? '/usr/bin/chromium';

/** The sizes every page is checked at: an office screen and a phone. */
export const VIEWPORTS = {
  desktop: { width: 1366, height: 768 },
  phone: { width: 390, height: 844 },
} as const;

/** The day the demo's deadlines are judged against, fixed so that pages do not change daily. */
export const DEMO_TODAY = '2026-03-15';

export interface WebServer {
  app: FastifyInstance;
  db: Db;
  url: string;
  planId: string;
  close(): Promise<void>;
}

/** Starts on a free port, or on `port` when a test must know the address beforehand. */
export async function startWebServer(
  env: Record<string, string> = {},
  port = 0,
): Promise<WebServer> {
  const db = await openTestDb();
  const demo = await seedDemo(db);
  if (!demo) throw new Error('the demo plan was not loaded');
  const config = loadConfig({ LOG_LEVEL: 'warn', ...env });
  const app = await buildServer({ db, config, web: { today: () => DEMO_TODAY } });
  const url = await app.listen({ port, host: '127.0.0.1' });
  return {
    app,
    db,
    url,
    planId: demo.planId,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // As root (CI machines) Chromium needs --no-sandbox; the others keep it off the network.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function newContext(
  browser: Browser,
  viewport: { width: number; height: number } = VIEWPORTS.desktop,
  options: { javaScriptEnabled?: boolean } = {},
): Promise<BrowserContext> {
  return browser.newContext({ viewport, locale: 'it-IT', ...options });
}
