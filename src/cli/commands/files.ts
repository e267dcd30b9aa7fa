import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { Command, Option } from 'commander';
import { PianoError } from '../../domain/errors.js';
import { parsePlanDocument } from '../../domain/rules/parse-plan-document.js';
import { COMMAND_LINE } from '../../operations/callers.js';
import {
  EXPORT_FORMATS,
  FOLDER_FORMATS,
  TEXT_FORMATS,
  isDocumentLang,
  slug,
  type DocumentLang,
  type ExportFile,
  type ExportFormat,
} from '../../operations/export-formats.js';
import { exportPlanFiles, type ExportedPlan } from '../../operations/export-plan-files.js';
import { listPlans } from '../../operations/list-plans.js';
import { readCatalog } from '../../operations/read-catalog.js';
import { uploadPlanDocument } from '../../operations/upload-plan-document.js';
import type { Db } from '../../storage/db.js';
import { withDb } from '../context.js';

/** Reads a JSON file, turning unreadable or malformed files into user-facing errors. */
export async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new PianoError('not_found', `Impossibile leggere ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new PianoError('validation', `${path} non è JSON valido: ${(error as Error).message}`);
  }
}

export const validateCommand = new Command('validate')
  .description('controlla un file nel formato di interscambio, senza salvarlo')
  .argument('<file>', 'file JSON del piano')
  .action(async (file: string) => {
    const doc = parsePlanDocument(await readJsonFile(file), readCatalog());
    process.stdout.write(
      `${file}: valido (${doc.priorities.length} priorità, ${doc.actions.length} azioni)\n`,
    );
  });

export const loadCommand = new Command('load')
  .description('carica un piano nel database, tutto o niente')
  .argument('<file>', 'file JSON del piano')
  .option('--org <organizationId>', 'ente di destinazione (altrimenti per codice IPA, o nuovo)')
  .action(async (file: string, options: { org?: string }, command: Command) => {
    const input = await readJsonFile(file);
    const loaded = await withDb(command, (db) =>
      uploadPlanDocument({ db, principal: COMMAND_LINE, input, organizationId: options.org }),
    );
    process.stdout.write(`Piano caricato: ${loaded.planId} (ente ${loaded.organizationId})\n`);
  });

const FORMAT_HELP =
  'json (formato di interscambio), docx|pdf|html (documento del piano), report-docx|report-pdf|report-html (stato di attuazione alla data --date), csv (una tabella CSV per file, in una cartella), jsonld (metadati DCAT-AP_IT), opendata (cartella con JSON, CSV e metadati), piao-docx (il piano come allegato della sottosezione 2.1 del PIAO), objectives-docx|objectives-csv (obiettivi di performance per settore dell’anno --year)';

interface ExportOptions {
  format: ExportFormat;
  out?: string;
  all?: boolean;
  date?: string;
  baseUrl?: string;
  lang?: string;
  year?: string;
}

export const exportCommand = new Command('export')
  .description('esporta un piano come dati, documento o dati aperti')
  .argument('[plan]', 'identificativo del piano (vedi "piano plans"); con --all, nessuno')
  .addOption(new Option('--format <format>', FORMAT_HELP).choices(EXPORT_FORMATS).default('json'))
  .option('--out <path>', 'file di destinazione (cartella per csv, opendata e --all)')
  .option('--all', 'esporta tutti i piani nella cartella --out')
  .option('--date <YYYY-MM-DD>', 'data dello stato di attuazione (report-*); oggi se assente')
  .option(
    '--year <YYYY>',
    'anno degli obiettivi di performance (objectives-*); l’anno di --date o quello in corso se assente',
  )
  .option('--base-url <url>', 'indirizzo di pubblicazione dei file, per i metadati DCAT-AP_IT')
  .option(
    '--lang <lang>',
    'lingua del documento e dello stato di attuazione: it (italiano, predefinita) o en (inglese); i dati aperti non cambiano',
  )
  .action(async (planId: string | undefined, options: ExportOptions, command: Command) => {
    const { format, out } = options;
    if (options.date !== undefined && !isIsoDate(options.date)) {
      throw new PianoError('validation', `--date deve essere una data AAAA-MM-GG: ${options.date}`);
    }
    if (options.lang !== undefined && !isDocumentLang(options.lang)) {
      throw new PianoError(
        'validation',
        `--lang deve essere it (italiano) o en (inglese): ${options.lang}`,
      );
    }
    if (options.year !== undefined && !/^(19|20|21)\d\d$/.test(options.year)) {
      throw new PianoError('validation', `--year deve essere un anno AAAA: ${options.year}`);
    }
    if (options.baseUrl !== undefined && !URL.canParse(options.baseUrl)) {
      throw new PianoError(
        'validation',
        `--base-url deve essere un indirizzo completo: ${options.baseUrl}`,
      );
    }
    if (options.all) {
      if (planId) throw new PianoError('validation', 'Con --all non si indica un piano');
      if (!out) throw new PianoError('validation', 'Con --all serve --out CARTELLA');
      await exportAll(command, options, out);
      return;
    }
    if (!planId) throw new PianoError('validation', 'Indicare il piano da esportare, oppure --all');
    if (!out && !TEXT_FORMATS.includes(format)) {
      throw new PianoError('validation', `Il formato ${format} richiede --out`);
    }
    const { files } = await withDb(command, (db) => exportPlan(db, planId, options));
    if (!out) {
      process.stdout.write(files[0]?.body ?? '');
      return;
    }
    await writeFiles(files, format, out);
  });

/** One plan in one format, through the same pipeline as the API's downloads. */
async function exportPlan(db: Db, planId: string, options: ExportOptions): Promise<ExportedPlan> {
  try {
    return await exportPlanFiles({
      db,
      principal: COMMAND_LINE,
      planId,
      format: options.format,
      date: options.date,
      lang: options.lang as DocumentLang | undefined,
      baseUrl: options.baseUrl,
      year: options.year === undefined ? undefined : Number(options.year),
    });
  } catch (error) {
    if (error instanceof PianoError && error.code === 'not_found') {
      throw new PianoError('not_found', `Piano ${planId} non trovato`);
    }
    throw error;
  }
}

const isIsoDate = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** One file at `out`, or a folder `out` holding the files of a folder format. */
async function writeFiles(files: ExportFile[], format: ExportFormat, out: string) {
  if (FOLDER_FORMATS.includes(format)) {
    await mkdir(out, { recursive: true });
    for (const f of files) await writeFile(join(out, f.name), f.body);
  } else {
    await writeFile(out, files[0]?.body ?? '');
  }
}

/** Every plan into the folder `out`, one file (or folder) per plan, with progress on stderr. */
async function exportAll(command: Command, options: ExportOptions, out: string) {
  await mkdir(out, { recursive: true });
  const written = await withDb(command, async (db) => {
    const principal = COMMAND_LINE;
    const { items } = await listPlans({ db, principal, limit: 100_000, offset: 0 });
    const progress = new Progress(items.length, process.stderr);
    const paths: string[] = [];
    for (const { id } of items) {
      const { plan, organizationName, files } = await exportPlan(db, id, options);
      const name = `${slug(organizationName)}-${plan.startYear}-${plan.endYear}-${plan.id.slice(0, 8)}`;
      const ext = FOLDER_FORMATS.includes(options.format) ? '' : extname(files[0]?.name ?? '');
      const path = join(out, `${name}${ext}`);
      await writeFiles(files, options.format, path);
      paths.push(path);
      progress.tick(organizationName);
    }
    progress.done();
    return paths;
  });
  process.stdout.write(`${written.length} piani esportati in ${out}\n`);
}

/**
 * Progress on stderr: a bar redrawn in place on a terminal, one line per plan otherwise (logs,
 * CI), so that standard output stays clean for scripts.
 */
export class Progress {
  private done_ = 0;
  private readonly started = Date.now();
  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream,
  ) {}

  tick(label: string) {
    this.done_ += 1;
    const counter = `${this.done_}/${this.total}`;
    if (this.stream.isTTY) {
      const width = 24;
      const filled = this.total ? Math.round((this.done_ / this.total) * width) : width;
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      const columns = this.stream.columns ?? 80;
      const line = `${bar} ${counter} ${label}`.slice(0, Math.max(columns - 1, 10));
      this.stream.write(`\r\x1b[K${line}`);
    } else {
      this.stream.write(`[${counter}] ${label}\n`);
    }
  }

  done() {
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1);
    if (this.stream.isTTY) this.stream.write('\n');
    this.stream.write(`Esportati ${this.done_} piani in ${seconds} s\n`);
  }
}
