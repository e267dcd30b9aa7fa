import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_TEST_OPTIONS, DEMO_FILE, cliSandbox, type CliSandbox } from './helpers.js';

// One database for the file; the tests run in order, as an RTD's year does.
let sandbox: CliSandbox;
let demoId: string;
let revisionId: string;

beforeAll(async () => {
  sandbox = await cliSandbox();
});
afterAll(async () => sandbox?.cleanup());

async function run(args: string[]) {
  const result = await sandbox.run(args);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

const statuses = async () =>
  Object.fromEntries(
    (JSON.parse(await run(['plans', '--json'])) as { id: string; status: string }[]).map((p) => [
      p.id,
      p.status,
    ]),
  );

describe('the plan’s year on the command line', CLI_TEST_OPTIONS, () => {
  it('starts the next revision of the demo plan, which differs from it in nothing yet', async () => {
    const loaded = await run(['load', DEMO_FILE]);
    demoId = /([0-9a-f-]{36})/.exec(loaded)?.[1] ?? '';
    expect(demoId).not.toBe('');
    const started = await run(['plan', 'new-revision', demoId, '--label', 'Aggiornamento 2026']);
    revisionId = /([0-9a-f-]{36})/.exec(started)?.[1] ?? '';
    expect(revisionId).not.toBe(demoId);
    const diff = JSON.parse(await run(['diff', demoId, revisionId, '--json']));
    expect(diff).toMatchObject({ empty: true, actions: { added: [], removed: [], changed: [] } });
    expect(await run(['diff', demoId, revisionId])).toBe(
      'Nessuna differenza tra le due revisioni.\n',
    );
  });

  it('refuses to approve without the signed file’s being a PDF or P7M, with exit code 1', async () => {
    await run(['plan', 'propose', revisionId]);
    const bogus = await sandbox.writeFile('delibera.pdf', 'non è un pdf');
    const refused = await sandbox.run([
      'plan',
      'approve',
      revisionId,
      '--organ',
      'Giunta comunale',
      '--number',
      '12',
      '--date',
      '2026-02-10',
      '--file',
      bogus,
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('PDF o un file firmato P7M');
  });

  it('approves with the signed act, publishes, and supersedes the demo plan', async () => {
    const pdf = await sandbox.writeFile('delibera-12.pdf', '%PDF-1.7\n% firmata\n%%EOF\n');
    await run([
      'plan',
      'approve',
      revisionId,
      '--organ',
      'Giunta comunale',
      '--number',
      '12',
      '--date',
      '2026-02-10',
      '--file',
      pdf,
    ]);
    const published = await run(['plan', 'publish', revisionId]);
    expect(published).toContain(`La revisione ${demoId} è ora sostituita.`);
    expect(await statuses()).toMatchObject({ [demoId]: 'superseded', [revisionId]: 'published' });

    const out = join(sandbox.dir, 'copia.pdf');
    const printed = await run(['plan', 'approval-file', revisionId, '--out', out]);
    const sha = createHash('sha256')
      .update(await readFile(pdf))
      .digest('hex');
    expect(printed).toBe(`${sha}  ${out}\n`);
  });
});
