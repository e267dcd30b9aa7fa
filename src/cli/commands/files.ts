import { readFile, writeFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { PianoError } from '../../domain/errors.js';
import { findPlanAnywhere } from '../../storage/plans.js';
import { exportPlanDocument } from '../../operations/export-plan-document.js';
import { loadPlanDocument, parsePlanDocument } from '../../operations/load-plan-document.js';
import { CLI_ACTOR, withDb } from '../context.js';

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
    const doc = parsePlanDocument(await readJsonFile(file));
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
      loadPlanDocument({ db, actor: CLI_ACTOR, input, organizationId: options.org }),
    );
    process.stdout.write(`Piano caricato: ${loaded.planId} (ente ${loaded.organizationId})\n`);
  });

export const exportCommand = new Command('export')
  .description('esporta un piano')
  .argument('<plan>', 'identificativo del piano (vedi "piano plans")')
  .addOption(new Option('--format <format>', 'formato').choices(['json']).default('json'))
  .option('--out <file>', 'file di destinazione (altrimenti standard output)')
  .action(async (planId: string, options: { out?: string }, command: Command) => {
    const json = await withDb(command, async (db) => {
      const plan = /^[0-9a-f-]{36}$/i.test(planId) ? await findPlanAnywhere(db, planId) : null;
      if (!plan) throw new PianoError('not_found', `Piano ${planId} non trovato`);
      const doc = await exportPlanDocument({ db, organizationId: plan.organizationId, planId });
      return `${JSON.stringify(doc, null, 2)}\n`;
    });
    if (options.out) await writeFile(options.out, json);
    else process.stdout.write(json);
  });
