import { Command } from 'commander';
import { COMMAND_LINE } from '../../operations/callers.js';
import { diffPlanRevisions, type PlanRevisionsDiff } from '../../operations/diff-plan-revisions.js';
import { withDb } from '../context.js';
import { planArgument } from './check.js';

const euro = (n: number) =>
  new Intl.NumberFormat('it-IT', { style: 'currency', currency: 'EUR' }).format(n);
const text = (v: unknown) => (v === null || v === undefined ? '—' : JSON.stringify(v));

/** The diff as lines a person reads, in Italian. */
export function describeDiff(d: PlanRevisionsDiff): string[] {
  if (d.empty) return ['Nessuna differenza tra le due revisioni.'];
  const lines: string[] = [];
  for (const a of d.actions.added) lines.push(`+ azione aggiunta: ${a.id} ${a.title}`);
  for (const a of d.actions.removed) lines.push(`- azione tolta: ${a.id} ${a.title}`);
  for (const a of d.actions.changed) {
    lines.push(`~ azione cambiata: ${a.id} ${a.title}`);
    for (const f of a.fields) lines.push(`    ${f.field}: ${text(f.before)} → ${text(f.after)}`);
  }
  for (const m of d.deadlinesMoved) {
    lines.push(`scadenza spostata: ${m.id} ${m.title}: ${m.from ?? '—'} → ${m.to ?? '—'}`);
  }
  for (const t of d.targetsChanged) lines.push(`target cambiati: ${t.id} ${t.name}`);
  for (const s of d.spendingBySource) {
    lines.push(`spesa ${s.fundingSource}: ${euro(s.before)} → ${euro(s.after)}`);
  }
  for (const p of d.platformsChanged) {
    lines.push(`piattaforma ${p.platform}: ${p.before ?? '—'} → ${p.after ?? '—'}`);
  }
  return lines;
}

export const diffCommand = new Command('diff')
  .description('cosa cambia da una revisione del piano a un’altra')
  .argument('<a>', 'la revisione precedente')
  .argument('<b>', 'la revisione confrontata')
  .option('--json', 'stampa JSON')
  .action(async (a: string, b: string, options: { json?: boolean }, command: Command) => {
    const diff = await withDb(command, async (db) => {
      const [first, second] = [await planArgument(db, a), await planArgument(db, b)];
      return diffPlanRevisions({
        db,
        principal: COMMAND_LINE,
        planId: first.id,
        otherId: second.id,
      });
    });
    if (options.json) {
      process.stdout.write(`${JSON.stringify(diff, null, 2)}\n`);
      return;
    }
    process.stdout.write(`${describeDiff(diff).join('\n')}\n`);
  });
