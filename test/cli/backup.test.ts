import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_TEST_OPTIONS, cliSandbox, type CliSandbox } from './helpers.js';

/**
 * Issue 13, item 11: `piano backup` and `piano restore`, on the backend under test (PGlite data
 * directories, or fresh databases on the PostgreSQL server).
 */
let source: CliSandbox;
let target: CliSandbox;
let fullBackup: string;

/** A backup's content without the moment it was written. */
async function contentOf(file: string) {
  const { createdAt, ...rest } = JSON.parse(gunzipSync(await readFile(file)).toString('utf8'));
  expect(Date.parse(createdAt)).not.toBeNaN();
  return rest as { schema: string; tables: { name: string; rows: unknown[] }[] };
}

beforeAll(async () => {
  source = await cliSandbox();
  target = await cliSandbox();
  const demo = await source.run(['demo']);
  expect(demo.code, demo.stderr).toBe(0);
  const user = await source.run(
    ['user', 'add', '--email', 'lettore@prova.test', '--name', 'Lettore'],
    {
      PIANO_USER_PASSWORD: 'una-password-lunga',
    },
  );
  expect(user.code, user.stderr).toBe(0);
  const fiscalCode = await source.run([
    'user',
    'fiscal-code',
    '--email',
    'lettore@prova.test',
    '--fiscal-code',
    'TINIT-rssmra80a01h501u',
  ]);
  expect(fiscalCode.code, fiscalCode.stderr).toBe(0);
  expect(fiscalCode.stdout).toContain('RSSMRA80A01H501U');
  fullBackup = join(source.dir, 'backup.json.gz');
  const backup = await source.run(['backup', fullBackup]);
  expect(backup.code, backup.stderr).toBe(0);
  expect(backup.stdout).toMatch(/^Backup scritto in .+: \d+ righe, schema \d{8}T\d{4}_/);
}, CLI_TEST_OPTIONS.timeout);
afterAll(async () => {
  await source?.cleanup();
  await target?.cleanup();
});

describe('piano backup and piano restore', () => {
  it(
    'round-trip exactly: backup, restore into an empty database, backup again gives the same content',
    async () => {
      const restored = await target.run(['restore', fullBackup]);
      expect(restored.code, restored.stderr).toBe(0);
      const again = join(target.dir, 'again.json.gz');
      expect((await target.run(['backup', again])).code).toBe(0);
      const before = await contentOf(fullBackup);
      const after = await contentOf(again);
      expect(after).toEqual(before);
      const count = (name: string) => before.tables.find((t) => t.name === name)?.rows.length ?? 0;
      for (const table of [
        'organizations',
        'users',
        'memberships',
        'plans',
        'actions',
        'audit_events',
      ]) {
        expect(count(table), table).toBeGreaterThan(0);
      }
      // The fiscal code by which a first SPID/CIE sign-in finds the account is kept too.
      const users = before.tables.find((t) => t.name === 'users')?.rows as {
        email: string;
        fiscal_code: string | null;
      }[];
      expect(users.find((u) => u.email === 'lettore@prova.test')?.fiscal_code).toBe(
        'RSSMRA80A01H501U',
      );
    },
    CLI_TEST_OPTIONS.timeout,
  );

  it(
    'restored users sign in as before: password hashes are kept',
    async () => {
      const plans = await target.run(['plans', '--json']);
      expect(plans.code, plans.stderr).toBe(0);
      expect(plans.stdout).toContain('Valdimonte');
      const rows = await target.countRows(['users', 'sign_in_events']);
      expect(rows.users).toBe(4);
    },
    CLI_TEST_OPTIONS.timeout,
  );

  it(
    'refuses to restore over a database that holds data, unless told --force',
    async () => {
      const refused = await target.run(['restore', fullBackup]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('Il database contiene già dati');
      expect(refused.stderr).toContain('--force');
      const forced = await target.run(['restore', '--force', fullBackup]);
      expect(forced.code, forced.stderr).toBe(0);
    },
    CLI_TEST_OPTIONS.timeout,
  );

  it(
    'refuses a backup from a newer schema, and a file that is not a backup, with exit code 2',
    async () => {
      const content = await contentOf(fullBackup);
      const newer = join(target.dir, 'newer.json.gz');
      await writeFile(
        newer,
        gzipSync(
          JSON.stringify({
            ...content,
            createdAt: new Date().toISOString(),
            schema: '99991231T2359_future.sql',
          }),
        ),
      );
      const fromFuture = await target.run(['restore', '--force', newer]);
      expect(fromFuture.code).toBe(2);
      expect(fromFuture.stderr).toContain('versione più recente di piano');
      const garbage = await target.writeFile('garbage.gz', 'non è un backup');
      const bad = await target.run(['restore', '--force', garbage]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('non è un backup di piano leggibile');
    },
    CLI_TEST_OPTIONS.timeout,
  );
});
