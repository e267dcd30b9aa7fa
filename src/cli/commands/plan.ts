import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Command } from 'commander';
import { COMMAND_LINE } from '../../operations/callers.js';
import { readApprovalFile } from '../../operations/read-approval-file.js';
import { startPlanRevision } from '../../operations/start-plan-revision.js';
import { takeLifecycleStep } from '../../operations/take-lifecycle-step.js';
import type { LifecycleStep } from '../../domain/rules/plan-lifecycle.js';
import { withDb } from '../context.js';
import { checkDate, planArgument } from './check.js';

interface ApproveOptions {
  organ?: string;
  number?: string;
  date?: string;
  file?: string;
}

/** Takes one step on the plan as the command line's operator, with the plan's current version. */
async function step(command: Command, planId: string, name: LifecycleStep, extra = {}) {
  const result = await withDb(command, async (db) => {
    const plan = await planArgument(db, planId);
    return takeLifecycleStep({
      db,
      principal: COMMAND_LINE,
      planId: plan.id,
      step: name,
      version: plan.version,
      ...extra,
    });
  });
  process.stdout.write(`Piano ${result.plan.id}: ora ${result.plan.status}.\n`);
  for (const id of result.superseded) {
    process.stdout.write(`La revisione ${id} è ora sostituita.\n`);
  }
}

const simpleStep = (name: string, step_: LifecycleStep, description: string) =>
  new Command(name)
    .description(description)
    .argument('<plan>', 'identificativo del piano (vedi "piano plans")')
    .action(async (planId: string, _options: unknown, command: Command) =>
      step(command, planId, step_),
    );

const approveCommand = new Command('approve')
  .description('registra l’approvazione: atto (organo, numero, data) e file firmato PDF o P7M')
  .argument('<plan>', 'identificativo del piano')
  .requiredOption('--organ <organ>', 'organo che approva, ad esempio "Giunta comunale"')
  .requiredOption('--number <n>', 'numero della deliberazione')
  .requiredOption('--date <date>', 'data della deliberazione (AAAA-MM-GG)')
  .requiredOption('--file <path>', 'il file firmato della deliberazione (.pdf o .p7m)')
  .action(async (planId: string, options: ApproveOptions, command: Command) => {
    const date = checkDate(options.date, '--date') ?? null;
    const path = options.file as string;
    const content = await readFile(path);
    await step(command, planId, 'approve', {
      act: { organ: options.organ ?? null, number: options.number ?? null, date },
      file: { fileName: basename(path), content },
    });
  });

const approvalFileCommand = new Command('approval-file')
  .description('scrive il file firmato dell’atto di approvazione e ne stampa lo SHA-256')
  .argument('<plan>', 'identificativo del piano')
  .requiredOption('--out <path>', 'dove scriverlo')
  .action(async (planId: string, options: { out: string }, command: Command) => {
    const file = await withDb(command, async (db) => {
      const plan = await planArgument(db, planId);
      return readApprovalFile({ db, principal: COMMAND_LINE, planId: plan.id });
    });
    await writeFile(options.out, file.content);
    process.stdout.write(`${file.sha256}  ${options.out}\n`);
  });

interface RevisionOptions {
  nextYear?: boolean;
  label?: string;
  leaveCompleted?: boolean;
}

const newRevisionCommand = new Command('new-revision')
  .description('avvia la revisione successiva del piano, come bozza della stessa serie')
  .argument('<plan>', 'identificativo del piano da cui partire')
  .option('--next-year', 'sposta il periodo di un anno (altrimenti lo stesso periodo)')
  .option('--label <label>', 'etichetta della revisione (predefinita: "Aggiornamento ANNO")')
  .option('--leave-completed', 'lascia fuori le azioni concluse (altrimenti sono riportate)')
  .action(async (planId: string, options: RevisionOptions, command: Command) => {
    const started = await withDb(command, async (db) => {
      const plan = await planArgument(db, planId);
      return startPlanRevision({
        db,
        principal: COMMAND_LINE,
        planId: plan.id,
        period: options.nextYear ? 'next_year' : 'same',
        revisionLabel: options.label,
        completed: options.leaveCompleted ? 'leave' : 'carry',
      });
    });
    process.stdout.write(`Nuova revisione in bozza: ${started.planId}\n`);
  });

export const planCommand = new Command('plan')
  .description('il ciclo di vita di un piano: proporre, approvare, pubblicare, nuova revisione')
  .addCommand(simpleStep('propose', 'propose', 'propone la bozza per l’approvazione'))
  .addCommand(simpleStep('send-back', 'send_back', 'rimanda in bozza un piano proposto'))
  .addCommand(approveCommand)
  .addCommand(
    simpleStep(
      'publish',
      'publish',
      'pubblica un piano approvato; la revisione pubblicata prima diventa sostituita',
    ),
  )
  .addCommand(approvalFileCommand)
  .addCommand(newRevisionCommand);
