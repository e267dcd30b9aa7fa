import { Command } from 'commander';
import { acceptStarterActions } from '../../operations/accept-starter-actions.js';
import { COMMAND_LINE } from '../../operations/callers.js';
import { proposeStarterActions } from '../../operations/propose-starter-actions.js';
import { withDb } from '../context.js';
import { checkDate, planArgument } from './check.js';

interface StarterOptions {
  accept?: string[];
  acceptAll?: boolean;
  asOf?: string;
  json?: boolean;
}

const URGENCY = { overdue: 'scaduta', due: 'in scadenza', ongoing: 'in vigore' };

export const starterCommand = new Command('starter')
  .description(
    'propone le azioni che mancano al piano, dal catalogo nazionale; con --accept le aggiunge',
  )
  .argument('<plan>', 'identificativo del piano (vedi "piano plans")')
  .option('--accept <ids...>', 'aggiunge al piano le proposte indicate')
  .option('--accept-all', 'aggiunge al piano tutte le proposte')
  .option('--as-of <date>', 'giudica le scadenze a questa data (AAAA-MM-GG); oggi se assente')
  .option('--json', 'stampa JSON')
  .action(async (planId: string, options: StarterOptions, command: Command) => {
    const today = checkDate(options.asOf, '--as-of');
    const result = await withDb(command, async (db) => {
      const plan = await planArgument(db, planId);
      const where = { db, principal: COMMAND_LINE, planId: plan.id, today };
      const proposed = await proposeStarterActions(where);
      const chosen = options.acceptAll ? proposed.items.map((p) => p.id) : (options.accept ?? []);
      if (chosen.length === 0) return { proposed, accepted: null };
      const accepted = await acceptStarterActions({ ...where, proposals: chosen });
      return { proposed, accepted };
    });
    if (options.json) {
      process.stdout.write(`${JSON.stringify(result.accepted ?? result.proposed, null, 2)}\n`);
      return;
    }
    if (result.accepted) {
      const { actions, priorities } = result.accepted;
      process.stdout.write(
        `Aggiunte ${actions.length} azioni e ${priorities.length} priorità al piano.\n`,
      );
      return;
    }
    for (const p of result.proposed.items) {
      const refs = p.catalogRefs.length ? ` [${p.catalogRefs.join(', ')}]` : '';
      process.stdout.write(
        `${p.id}\n  ${p.title}${refs}\n  ${URGENCY[p.urgency]} · tempi: ${p.timing}\n`,
      );
    }
    process.stdout.write(
      `\n${result.proposed.items.length} proposte (edizione ${result.proposed.edition}); aggiungerle con --accept ID... o --accept-all\n`,
    );
  });
