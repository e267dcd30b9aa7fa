import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlanDocument } from '../../src/operations/load-plan-document.js';
import { cliDatabase, runPiano } from '../support/cli.js';

/** `piano import` as a user runs it: --json needs no database; without it a draft is stored. */
const FIXTURE = fileURLToPath(new URL('./fixtures/piano-ambiti.txt', import.meta.url));
/** A launch, killed after 90 s: within each test's own time limit. */
const piano = (args: string[], env?: NodeJS.ProcessEnv) => runPiano(args, env, 90_000);
let db: Awaited<ReturnType<typeof cliDatabase>>;

beforeAll(async () => {
  db = await cliDatabase();
});
afterAll(() => db.close());

describe('piano import', () => {
  it('prints a valid interchange document with --json, and the envelope with --with-provenance', async () => {
    const [plain, envelope] = await Promise.all([
      piano(['import', FIXTURE, '--json'], { PIANO_DATA_DIR: '/nonexistent/never-created' }),
      piano(['import', FIXTURE, '--json', '--with-provenance']),
    ]);
    expect(plain.code, plain.stderr).toBe(0);
    const doc = parsePlanDocument(JSON.parse(plain.stdout));
    expect(doc.actions).toHaveLength(7);
    expect(envelope.code, envelope.stderr).toBe(0);
    const parsed = JSON.parse(envelope.stdout);
    expect(Object.keys(parsed)).toEqual(['document', 'provenance', 'warnings', 'source']);
    expect(
      parsed.provenance.find((p: { pointer: string }) => p.pointer === '/actions/0'),
    ).toMatchObject({
      source: { page: null, line: 13 },
    });
  }, 120_000);

  it('stores a draft plan for a new organization, then for a given one', async () => {
    const stored = await piano(['import', FIXTURE], db.env);
    expect(stored.code, stored.stderr).toBe(0);
    expect(stored.stdout).toMatch(
      /Bozza importata: piano [0-9a-f-]{36} \(ente ([0-9a-f-]{36})\): 3 priorità, 7 azioni/,
    );
    const organizationId = /\(ente ([0-9a-f-]{36})\)/.exec(stored.stdout)?.[1] ?? '';
    const again = await piano(['import', FIXTURE, '--org', organizationId], db.env);
    expect(again.code, again.stderr).toBe(0);
    const plans = await piano(['plans', '--json'], db.env);
    const rows = JSON.parse(plans.stdout) as Array<{
      organizationId: string;
      status: string;
      title: string;
    }>;
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.organizationId === organizationId && r.status === 'draft')).toBe(
      true,
    );
  }, 180_000);

  it('keeps exit code 1 for other refusals, such as an unknown organization', async () => {
    const run = await piano(
      ['import', FIXTURE, '--org', '00000000-0000-4000-8000-000000000000'],
      db.env,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/non trovat/);
  }, 120_000);
});
