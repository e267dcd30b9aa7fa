import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLI_TEST_OPTIONS,
  DEMO_FILE,
  cliSandbox,
  demoDocument,
  type CliSandbox,
} from './helpers.js';

let sandbox: CliSandbox;

beforeAll(async () => {
  sandbox = await cliSandbox();
});

afterAll(async () => {
  await sandbox?.cleanup();
});

const LOADED = /^Piano caricato: ([0-9a-f-]{36}) \(ente ([0-9a-f-]{36})\)$/m;

/**
 * Where the export differs from what the source file gave: every field the source gives must
 * come back with the same value. Timings are the one enrichment: the source's words come back
 * as the `text` of the interpreted timing.
 */
function givenFieldsChanged(given: unknown, exported: unknown, path = ''): string[] {
  if (path.endsWith('/timing') && typeof given === 'string') {
    const text = (exported as { text?: unknown } | null)?.text;
    return text === given ? [] : [path];
  }
  if (given !== null && typeof given === 'object') {
    if (exported === null || typeof exported !== 'object') return [path];
    if (Array.isArray(given) !== Array.isArray(exported)) return [path];
    if (Array.isArray(given) && given.length !== (exported as unknown[]).length) return [path];
    return Object.entries(given).flatMap(([key, value]) =>
      givenFieldsChanged(value, (exported as Record<string, unknown>)[key], `${path}/${key}`),
    );
  }
  return Object.is(given, exported) ? [] : [path];
}

describe('load → export → load → export through the CLI', CLI_TEST_OPTIONS, () => {
  it('gives byte-identical exports that keep everything the demo file gave', async () => {
    const load1 = await sandbox.run(['load', DEMO_FILE]);
    expect(load1.stderr).toBe('');
    expect(load1.code).toBe(0);
    const [, planId1, orgId] = LOADED.exec(load1.stdout) ?? [];
    expect(planId1).toBeDefined();

    const export1 = await sandbox.run(['export', planId1!, '--format', 'json']);
    expect(export1.stderr).toBe('');
    expect(export1.code).toBe(0);
    const file1 = await sandbox.writeFile('export-1.json', export1.stdout);

    const load2 = await sandbox.run(['load', file1]);
    expect(load2.code).toBe(0);
    const [, planId2, orgId2] = LOADED.exec(load2.stdout) ?? [];
    expect(planId2).toBeDefined();
    expect(planId2).not.toBe(planId1);
    // Same IPA code: the second plan joins the organization the first load created.
    expect(orgId2).toBe(orgId);

    const file2 = `${sandbox.dir}/export-2.json`;
    const export2 = await sandbox.run(['export', planId2!, '--format', 'json', '--out', file2]);
    expect(export2.code).toBe(0);
    expect(export2.stdout).toBe('');

    expect(await readFile(file2, 'utf8')).toBe(export1.stdout);

    const source = await demoDocument();
    const exported = JSON.parse(export1.stdout) as typeof source;
    expect(exported.actions.map((a) => a.title)).toEqual(source.actions.map((a) => a.title));
    expect(exported.priorities.map((p) => p.title)).toEqual(source.priorities.map((p) => p.title));
    expect(givenFieldsChanged(source, exported)).toEqual([]);
  });
});

describe('piano export, when it cannot', CLI_TEST_OPTIONS, () => {
  it('reports an unknown plan in Italian with a non-zero exit', async () => {
    for (const id of [randomUUID(), 'non-un-uuid']) {
      const result = await sandbox.run(['export', id]);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`Piano ${id} non trovato`);
    }
  });

  it('refuses an unknown format before doing anything', async () => {
    const result = await sandbox.run(['export', randomUUID(), '--format', 'odt']);
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    expect(result.stderr).toContain("argument 'odt' is invalid");
    expect(result.stderr).toContain('json');
    expect(result.stdout).toBe('');
  });
});
