import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { PianoError } from '../../domain/errors.js';
import { COMMAND_LINE } from '../../operations/callers.js';
import { draftPlanFromFile } from '../../operations/draft-plan-from-file.js';
import { DEFAULT_LIMITS, type ImportResult } from '../../operations/import-formats.js';
import { uploadPlanDocument } from '../../operations/upload-plan-document.js';
import { withDb } from '../context.js';

interface ImportOptions {
  json?: boolean;
  withProvenance?: boolean;
  org?: string;
  maxPages?: number;
}

const positive = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('serve un intero positivo');
  return n;
};

export const importCommand = new Command('import')
  .description('importa un piano da DOCX, PDF, HTML, Markdown o testo come bozza')
  .argument('<file>', 'il documento del piano')
  .option('--json', 'stampa la bozza nel formato di interscambio, senza salvarla (nessun database)')
  .option('--with-provenance', 'con --json: stampa anche provenienza, affidabilità e avvisi')
  .option('--org <organizationId>', 'ente a cui assegnare la bozza (altrimenti uno nuovo)')
  .option('--max-pages <n>', `pagine PDF lette al massimo (${DEFAULT_LIMITS.maxPages})`, positive)
  .action(async (file: string, options: ImportOptions, command: Command) => {
    const result = await draftPlanFromFile({
      principal: COMMAND_LINE,
      file: async () => ({ bytes: await readInput(file), fileName: basename(file) }),
      limits: options.maxPages ? { maxPages: options.maxPages } : {},
    });
    if (options.json) {
      const out = options.withProvenance ? envelope(result) : result.document;
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      return;
    }
    const loaded = await withDb(command, (db) =>
      uploadPlanDocument({
        db,
        principal: COMMAND_LINE,
        input: result.document,
        organizationId: options.org,
      }),
    );
    for (const w of result.warnings) process.stderr.write(`Avviso: ${w}\n`);
    const doc = result.document;
    process.stdout.write(
      `Bozza importata: piano ${loaded.planId} (ente ${loaded.organizationId}): ` +
        `${doc.priorities.length} priorità, ${doc.actions.length} azioni, ` +
        `${doc.spending.length} voci di spesa, ${doc.baseline.length} voci dello stato dell’arte, ` +
        `${doc.platforms.length} piattaforme. Da rivedere prima dell’approvazione.\n`,
    );
  });

/** The draft with where each item came from: what a reviewer checks. */
export function envelope(result: ImportResult) {
  return {
    document: result.document,
    provenance: result.provenance,
    warnings: result.warnings,
    source: result.source,
  };
}

async function readInput(file: string): Promise<Uint8Array> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('non è un file');
    if (info.size > DEFAULT_LIMITS.maxBytes) {
      throw new PianoError(
        'file_too_large',
        `${file} pesa ${Math.round(info.size / 1024 / 1024)} MB: il limite per l’importazione è ${DEFAULT_LIMITS.maxBytes / 1024 / 1024} MB`,
      );
    }
    return new Uint8Array(await readFile(file));
  } catch (error) {
    if (error instanceof PianoError) throw error;
    throw new PianoError(
      'unreadable_file',
      `Impossibile leggere ${file}: ${(error as Error).message}`,
    );
  }
}
