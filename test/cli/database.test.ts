import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_BACKEND } from '../support/db.js';
import { CLI_TEST_OPTIONS, cliSandbox, demoDocument, type CliSandbox } from './helpers.js';

// The tests of this file share one database and run in order: migrate first, on a fresh one.
let sandbox: CliSandbox;

beforeAll(async () => {
  sandbox = await cliSandbox();
});

afterAll(async () => {
  await sandbox?.cleanup();
});

interface PlanRow {
  id: string;
  organizationId: string;
  organization: string;
  title: string;
  startYear: number;
  endYear: number;
  status: string;
}

async function plansJson(extraArgs: string[] = [], extraEnv: Record<string, string> = {}) {
  const result = await sandbox.run([...extraArgs, 'plans', '--json'], extraEnv);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as PlanRow[];
}

describe('piano migrate', CLI_TEST_OPTIONS, () => {
  it('applies the migrations to a fresh database, then reports it up to date', async () => {
    const first = await sandbox.run(['migrate']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Migrazioni applicate: .*_initial\.sql/);

    const second = await sandbox.run(['migrate']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Database già aggiornato');
  });
});

describe('piano demo and piano plans', CLI_TEST_OPTIONS, () => {
  let demoPlanId: string;

  it('demo loads the demo plan, which plans --json then lists', async () => {
    const doc = await demoDocument();
    const demo = await sandbox.run(['demo']);
    expect(demo.code).toBe(0);
    const loaded = /Piano dimostrativo caricato: ([0-9a-f-]{36})/.exec(demo.stdout);
    expect(loaded).not.toBeNull();
    demoPlanId = loaded![1]!;

    const plans = await plansJson();
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({
      id: demoPlanId,
      title: doc.plan.title,
      startYear: 2025,
      endYear: 2027,
    });
  });

  it('plans without --json prints the plan id', async () => {
    const result = await sandbox.run(['plans']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(demoPlanId);
    expect(result.stdout).toContain('2025–2027');
  });

  it('demo run again does not duplicate the plan', async () => {
    const again = await sandbox.run(['demo']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('nulla da fare');
    const plans = await plansJson();
    expect(plans.map((p) => p.id)).toEqual([demoPlanId]);
  });

  it('the global database flag overrides the environment', async () => {
    const elsewhere = await mkdtemp(join(tmpdir(), 'piano-cli-other-'));
    try {
      // The environment names a different (empty or unreachable) database; the flag wins.
      const misleading: Record<string, string> =
        TEST_BACKEND === 'postgres'
          ? { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/nessuno' }
          : { PIANO_DATA_DIR: join(elsewhere, 'data') };
      const plans = await plansJson(sandbox.databaseFlag, misleading);
      expect(plans.map((p) => p.id)).toEqual([demoPlanId]);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });
});

describe('piano load, when it fails', CLI_TEST_OPTIONS, () => {
  const TABLES = ['organizations', 'units', 'plans', 'priorities', 'actions', 'audit_events'];

  it('leaves the database unchanged for a file that does not validate', async () => {
    const doc = await demoDocument();
    doc.organization.ipaCode = 'c_cli_invalid';
    doc.actions[3]!.priorityId = 'priorita-inesistente';
    const file = await sandbox.writeFile('invalid.json', doc);
    const before = await sandbox.countRows(TABLES);

    const result = await sandbox.run(['load', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('/actions/3/priorityId');
    expect(result.stdout).toBe('');

    expect(await sandbox.countRows(TABLES)).toEqual(before);
    expect(await plansJson()).toHaveLength(1);
  });

  it('leaves the database unchanged when storing fails part-way through', async () => {
    // Two units naming each other as parent pass the file checks, but the database refuses
    // them — after the new organization is stored: the whole load must be rolled back.
    const doc = await demoDocument();
    doc.organization.ipaCode = 'c_cli_cycle';
    const [first, second] = doc.organization.units;
    first!.parentId = second!.id;
    second!.parentId = first!.id;
    const file = await sandbox.writeFile('unit-cycle.json', doc);
    const before = await sandbox.countRows(TABLES);

    const result = await sandbox.run(['load', file]);
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    expect(result.stdout).not.toContain('Piano caricato');
    expect(result.stderr).toMatch(/^Errore: /);
    expect(result.stderr).not.toContain('Errore imprevisto');

    expect(await sandbox.countRows(TABLES)).toEqual(before);
    expect(await plansJson()).toHaveLength(1);
  });
});

describe('piano user add', CLI_TEST_OPTIONS, () => {
  it('refuses a password shorter than 10 characters', async () => {
    const result = await sandbox.run(['user', 'add', '--email', 'x@y.test', '--password', 'short']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('almeno 10 caratteri');
    expect(result.stdout).toBe('');
  });

  it('creates a user, then refuses the same email again', async () => {
    const args = ['user', 'add', '--email', 'x@y.test', '--password', 'una-password-lunga'];
    const created = await sandbox.run(args);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^Utente creato: x@y\.test \([0-9a-f-]{36}\)/);

    const again = await sandbox.run(args);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Esiste già');
    expect(again.stderr).toContain('x@y.test');
  });
});
