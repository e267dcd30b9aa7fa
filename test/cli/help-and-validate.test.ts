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

describe('piano --help', CLI_TEST_OPTIONS, () => {
  it('lists every command and exits 0', async () => {
    const result = await sandbox.run(['--help']);
    expect(result.code).toBe(0);
    const commands = result.stdout
      .split('\n')
      .map((line) => /^ {2}([a-z]+)\b/.exec(line)?.[1])
      .filter(Boolean);
    for (const name of ['serve', 'migrate', 'user', 'plans', 'load', 'export', 'validate', 'demo'])
      expect(commands).toContain(name);
  });
});

describe('piano validate', CLI_TEST_OPTIONS, () => {
  it('accepts the demo file and names its counts', async () => {
    const doc = await demoDocument();
    const result = await sandbox.run(['validate', DEMO_FILE]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `valido (${doc.priorities.length} priorità, ${doc.actions.length} azioni)`,
    );
    expect(result.stderr).toBe('');
  });

  it('rejects a file of the wrong shape with exit 1, listing each bad field in Italian', async () => {
    const doc = await demoDocument();
    doc.plan.startYear = 'duemilaventicinque';
    doc.foo = 'campo in più';
    const file = await sandbox.writeFile('wrong-shape.json', doc);
    const result = await sandbox.run(['validate', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('File del piano non valido');
    expect(result.stderr).toMatch(/- \/plan\/startYear deve essere di tipo numero intero/);
    expect(result.stderr).toMatch(/- \/foo non è un campo previsto/);
    expect(result.stderr).not.toContain('Errore imprevisto');
  });

  it('rejects a reference to a missing priority with exit 1, naming the field', async () => {
    const doc = await demoDocument();
    doc.actions[0]!.priorityId = 'priorita-inesistente';
    const file = await sandbox.writeFile('dangling-priority.json', doc);
    const result = await sandbox.run(['validate', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /- \/actions\/0\/priorityId rimanda a una priorità "priorita-inesistente" inesistente/,
    );
  });

  it('rejects a file that is not JSON with exit 1', async () => {
    const file = await sandbox.writeFile('not-json.json', '{ "format": "piano-plan", ');
    const result = await sandbox.run(['validate', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file} non è JSON valido`);
    expect(result.stderr).not.toContain('Errore imprevisto');
  });

  it('reports a missing file clearly, with a non-zero exit', async () => {
    const file = `${sandbox.dir}/non-esiste.json`;
    const result = await sandbox.run(['validate', file]);
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    expect(result.stderr).toContain(`Impossibile leggere ${file}`);
    expect(result.stderr).not.toContain('Errore imprevisto');
  });
});

describe('configuration problems', CLI_TEST_OPTIONS, () => {
  it('are all listed under "Configurazione non valida", with exit 2', async () => {
    const result = await sandbox.run(['serve'], { PORT: 'abc', PIANO_SESSION_HOURS: '0' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Configurazione non valida');
    expect(result.stderr).toMatch(/^ {2}PORT: /m);
    expect(result.stderr).toMatch(/^ {2}PIANO_SESSION_HOURS: /m);
    expect(result.stderr).not.toContain('Errore imprevisto');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
