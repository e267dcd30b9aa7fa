import { writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import { PianoError } from '../../domain/errors.js';
import { COMMAND_LINE } from '../../operations/callers.js';
import { exportPerformanceObjectives } from '../../operations/export-performance-objectives.js';
import { withDb } from '../context.js';
import { planArgument } from './check.js';

export const objectivesCommand = new Command('objectives')
  .description(
    'gli obiettivi di performance dell’anno (PEG/PdO): per settore, le azioni in scadenza con indicatori e target, in CSV',
  )
  .argument('<plan>', 'identificativo del piano')
  .requiredOption('--year <year>', 'l’anno degli obiettivi')
  .option('--out <path>', 'file CSV da scrivere (standard output se assente)')
  .action(async (planId: string, options: { year: string; out?: string }, command: Command) => {
    const year = Number(options.year);
    if (!Number.isInteger(year) || year < 1990 || year > 2100) {
      throw new PianoError('validation', `--year deve essere un anno: ${options.year}`);
    }
    const csv = await withDb(command, async (db) => {
      const plan = await planArgument(db, planId);
      return exportPerformanceObjectives({ db, principal: COMMAND_LINE, planId: plan.id, year });
    });
    if (options.out) await writeFile(options.out, csv);
    else process.stdout.write(csv);
  });
