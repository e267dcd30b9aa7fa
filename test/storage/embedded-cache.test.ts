import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/operations/open-database.js';
import { seedDemo } from '../../src/operations/seed-demo.js';
import { DEFAULT_DB_CACHE_MB, openDb } from '../../src/storage/db.js';
import { knownMigrations } from '../../src/storage/migrate.js';

/**
 * Issue 13, item 13: the embedded database's page cache (shared_buffers) follows
 * PIANO_DB_CACHE_MB, and a new data directory, created by a short-lived child process, still
 * migrates and takes the demo plan. Whatever the test backend, these tests use an embedded data
 * directory of their own, as `npm start` does.
 */
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'piano-cache-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const sharedBuffers = async (db: Awaited<ReturnType<typeof openDb>>) =>
  (await db.query<{ shared_buffers: string }>('SHOW shared_buffers'))[0]?.shared_buffers;

describe('the embedded database’s page cache', () => {
  it('creates a new data directory, migrates it, seeds it and runs with the configured cache', async () => {
    const dataDir = join(dir, 'fresh');
    const db = await openDatabase({ dataDir, cacheMb: 24 });
    try {
      expect(await sharedBuffers(db)).toBe('24MB');
      const applied = await db.query<{ name: string }>(
        'SELECT name FROM schema_migrations ORDER BY name',
      );
      expect(applied.map((r) => r.name)).toEqual(await knownMigrations());
      const loaded = await seedDemo(db);
      expect(loaded).not.toBeNull();
      const plans = await db.query<{ id: string }>('SELECT id FROM plans');
      expect(plans.map((p) => p.id)).toEqual([loaded!.planId]);
    } finally {
      await db.close();
    }
    expect(await readdir(dataDir)).toContain('PG_VERSION');
    // The setting is a start parameter, so it follows the configuration on every start.
    const reopened = await openDatabase({ dataDir });
    try {
      expect(await sharedBuffers(reopened)).toBe(`${DEFAULT_DB_CACHE_MB}MB`);
      expect(await reopened.query('SELECT id FROM plans')).toHaveLength(1);
    } finally {
      await reopened.close();
    }
  }, 180_000);

  it('defaults to 16 MB and is read from PIANO_DB_CACHE_MB, a whole number of megabytes', () => {
    expect(loadConfig({}).PIANO_DB_CACHE_MB).toBe(16);
    expect(DEFAULT_DB_CACHE_MB).toBe(16);
    expect(loadConfig({ PIANO_DB_CACHE_MB: '48' }).PIANO_DB_CACHE_MB).toBe(48);
    expect(() => loadConfig({ PIANO_DB_CACHE_MB: '0' })).toThrow(/PIANO_DB_CACHE_MB/);
    expect(() => loadConfig({ PIANO_DB_CACHE_MB: 'tanto' })).toThrow(/PIANO_DB_CACHE_MB/);
  });
});
