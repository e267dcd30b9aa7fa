import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PianoError } from '../../src/domain/errors.js';
import { checkDocx } from '../../src/importer/converters/zip-guard.js';
import { importPlanFile } from '../../src/importer/import-plan.js';
import { DEFAULT_LIMITS } from '../../src/importer/limits.js';
import { runPiano, type CliResult } from '../support/cli.js';
import {
  makeDocx,
  makeEncryptedPdf,
  makeImageOnlyPdf,
  makeLongPdf,
  makeZip,
  makeZipBomb,
} from './support/files.js';

/**
 * Bad input gets a clear Italian error and exit code 2 from `piano import`, never a crash or a
 * hang. Each file is made here; the CLI runs as a child process, as a user would run it.
 */
let dir: string;
const files: Record<string, string> = {};

async function put(name: string, bytes: Uint8Array | string) {
  const path = join(dir, name);
  await writeFile(path, bytes);
  files[name] = path;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'piano-bad-'));
  const docx = await makeDocx();
  const garbage = Buffer.alloc(64 * 1024);
  for (let i = 0; i < garbage.length; i += 1) garbage[i] = (i * 7919 + 13) % 256;
  await put('vuoto.txt', '');
  await put('spazzatura.bin', garbage);
  await put('troncato.docx', docx.subarray(0, Math.floor(docx.length / 2)));
  await put('bomba.docx', makeZipBomb(200));
  await put('cifrato.pdf', await makeEncryptedPdf());
  await put('scansione.pdf', await makeImageOnlyPdf(3));
  await put('lungo.pdf', await makeLongPdf(300));
}, 120_000);

afterAll(() => rm(dir, { recursive: true, force: true }));

/** A launch, killed after 90 s: within each test's own time limit. */
const piano = (args: string[]) => runPiano(args, {}, 90_000);

const CASES: Array<[string, RegExp]> = [
  ['vuoto.txt', /vuoto/],
  ['spazzatura.bin', /binario/],
  ['troncato.docx', /danneggiato o incompleto/],
  ['bomba.docx', /zip bomb/],
  ['cifrato.pdf', /protetto da password/],
  ['scansione.pdf', /OCR/],
  ['lungo.pdf', /300 pagine/],
];

describe('piano import on bad input', () => {
  it('exits with code 2 and says what is wrong, for each bad file', async () => {
    const runs: CliResult[] = [];
    // Two at a time: the machine has two cores.
    for (let k = 0; k < CASES.length; k += 2) {
      runs.push(
        ...(await Promise.all(
          CASES.slice(k, k + 2).map(([name]) => piano(['import', files[name] ?? '', '--json'])),
        )),
      );
    }
    CASES.forEach(([name, message], k) => {
      const run = runs[k];
      expect(run?.code, `${name}: ${run?.stderr}`).toBe(2);
      expect(run?.stderr, name).toMatch(message);
      expect(run?.stderr, name).not.toMatch(/imprevisto|at .*\.ts:/);
      expect(run?.stdout, name).toBe('');
    });
  }, 300_000);

  it('reads the long PDF when the page limit allows it', async () => {
    const run = await piano(['import', files['lungo.pdf'] ?? '', '--json', '--max-pages', '400']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).actions).toHaveLength(300);
  }, 120_000);
});

describe('importer errors', () => {
  const code = async (bytes: Uint8Array, fileName?: string) => {
    try {
      await importPlanFile(bytes, { fileName });
      return 'ok';
    } catch (error) {
      return error instanceof PianoError ? error.code : String(error);
    }
  };

  it('classifies refusals', async () => {
    expect(await code(new Uint8Array())).toBe('unreadable_file');
    expect(await code(new TextEncoder().encode('   \n\n  '))).toBe('unreadable_file');
    expect(await code(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), 'piano.doc')).toBe(
      'unsupported_file',
    );
    expect(await code(new TextEncoder().encode('{\\rtf1 piano}'))).toBe('unsupported_file');
    const big = new Uint8Array(DEFAULT_LIMITS.maxBytes + 1).fill(65);
    expect(await code(big)).toBe('file_too_large');
  });

  it('refuses a zip whose directory lies about its sizes, while inflating it as a stream', async () => {
    const liar = makeZipBomb(100, true);
    await expect(checkDocx(liar, DEFAULT_LIMITS)).rejects.toMatchObject({
      code: 'file_too_large',
      message: expect.stringMatching(/zip bomb/),
    });
  });

  it('refuses a zip with too many parts, and one that is not a Word document', async () => {
    const many = makeZip(
      Array.from({ length: 50 }, (_, k) => ({ name: `p${k}.xml`, data: Buffer.from('x') })),
    );
    await expect(checkDocx(many, { ...DEFAULT_LIMITS, maxZipEntries: 10 })).rejects.toMatchObject({
      code: 'file_too_large',
    });
    await expect(checkDocx(many, DEFAULT_LIMITS)).rejects.toMatchObject({
      code: 'unsupported_file',
    });
  });
});
