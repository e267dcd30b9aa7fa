import { Command } from 'commander';
import type { ComplianceReport, Finding } from '../../domain/compliance/model.js';
import { deadlineLabel } from '../../domain/compliance/dates.js';
import { PianoError } from '../../domain/errors.js';
import type { Db } from '../../storage/db.js';
import { COMMAND_LINE } from '../../operations/callers.js';
import { checkPlanCompliance } from '../../operations/check-plan-compliance.js';
import { readOrganization } from '../../operations/read-organization.js';
import { readPlan } from '../../operations/read-plan.js';
import { withDb } from '../context.js';

const PERCENT = new Intl.NumberFormat('it-IT', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const LONG_DATE = new Intl.DateTimeFormat('it-IT', { dateStyle: 'long', timeZone: 'UTC' });

/** "72,5%", or a dash when nothing was required. */
export const percent = (value: number | null) =>
  value === null ? '–' : `${PERCENT.format(value)}%`;
/** "23 novembre 2025". */
export const longDate = (iso: string) => LONG_DATE.format(new Date(`${iso}T00:00:00Z`));

export function checkDate(value: string | undefined, option: string): string | undefined {
  if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new PianoError('validation', `${option} deve essere una data AAAA-MM-GG: ${value}`);
  }
  return value;
}

/** The plan an argument names, or a not_found error that names the argument. */
export async function planArgument(db: Db, planId: string) {
  try {
    return await readPlan({ db, principal: COMMAND_LINE, planId });
  } catch (error) {
    if (error instanceof PianoError && error.code === 'not_found') {
      throw new PianoError('not_found', `Piano ${planId} non trovato`);
    }
    throw error;
  }
}

export const checkCommand = new Command('check')
  .description(
    'verifica la copertura del Piano triennale nazionale; esce con 1 se ci sono lacune bloccanti',
  )
  .argument('<plan>', 'identificativo del piano (vedi "piano plans")')
  .option('--as-of <date>', 'giudica le scadenze a questa data (AAAA-MM-GG); oggi se assente')
  .option('--json', 'stampa il rapporto in JSON')
  .action(async (planId: string, options: { asOf?: string; json?: boolean }, command: Command) => {
    const today = checkDate(options.asOf, '--as-of');
    const { report, heading } = await withDb(command, async (db) => {
      const principal = COMMAND_LINE;
      const plan = await planArgument(db, planId);
      const organization = await readOrganization({
        db,
        principal,
        organizationId: plan.organizationId,
      });
      const report = await checkPlanCompliance({ db, principal, planId: plan.id, today });
      return { report, heading: `«${plan.title}» – ${organization.name}` };
    });
    process.stdout.write(
      options.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, heading),
    );
    process.exitCode = report.summary.blocking > 0 ? 1 : 0;
  });

const ADOPTION: Record<string, string> = {
  adopted: 'adottata',
  in_progress: 'in corso',
  planned: 'pianificata',
  not_adopted: 'non adottata',
  not_applicable: 'non applicabile',
};

const SECTIONS: [Finding['severity'], string][] = [
  ['blocking', 'Lacune bloccanti'],
  ['warning', 'Avvisi'],
  ['info', 'Informazioni'],
];

/** The report as an RTD reads it: figures first, then each finding with what to do. */
export function formatReport(report: ComplianceReport, heading: string): string {
  const s = report.summary;
  const out = [
    `Verifica del piano ${heading}`,
    `Riferimento: ${report.edition.title}; situazione al ${longDate(report.asOf)}`,
    '',
    `Copertura: ${s.covered} linee su ${s.required} (${percent(s.percent)}); facoltative coperte: ${s.optionalCovered} su ${s.optional}`,
    `Rilievi: ${s.blocking} bloccanti, ${s.warnings} avvisi, ${s.infos} informazioni`,
    '',
    'Per capitolo',
    ...report.chapters.map(
      (c) =>
        `  ${`${c.number}. ${c.title}`.padEnd(50)} ${`${c.covered}/${c.required}`.padStart(6)}  ${percent(c.percent).padStart(6)}`,
    ),
    '',
    'Per piattaforma',
    ...report.platforms
      .filter((p) => p.required > 0 || p.adoption !== null)
      .map((p) =>
        `  ${p.platform.padEnd(22)} ${(p.adoption ? (ADOPTION[p.adoption] ?? p.adoption) : 'non indicata').padEnd(16)} ${p.required ? `${p.covered}/${p.required}  ${percent(p.percent)}` : ''}`.trimEnd(),
      ),
  ];
  for (const [severity, title] of SECTIONS) {
    const findings = report.findings.filter((f) => f.severity === severity);
    if (findings.length === 0) continue;
    out.push('', `${title} (${findings.length})`);
    for (const f of findings) {
      out.push(
        `  - ${[f.code, f.platform, f.deadline && deadlineLabel(f.deadline, f.deadlineKind)].filter(Boolean).join(' · ')}: ${f.message}`,
      );
      out.push(`    → ${f.suggestion}`);
    }
  }
  return `${out.join('\n')}\n`;
}
