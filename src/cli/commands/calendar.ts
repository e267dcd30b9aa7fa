import { writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import { dateLabel } from '../../domain/compliance/dates.js';
import type { CalendarItem } from '../../domain/compliance/model.js';
import { PianoError } from '../../domain/errors.js';
import type { Db } from '../../storage/db.js';
import { buildCalendarFeed } from '../../operations/build-calendar-feed.js';
import { COMMAND_LINE } from '../../operations/callers.js';
import { listComplianceCalendar } from '../../operations/list-compliance-calendar.js';
import { readOrganization } from '../../operations/read-organization.js';
import { readPlan } from '../../operations/read-plan.js';
import { withDb } from '../context.js';
import { checkDate } from './check.js';

interface CalendarOptions {
  from?: string;
  to?: string;
  asOf?: string;
  json?: boolean;
  ics?: string;
}

/** An organization id, or a plan id standing for its organization. */
async function organizationArgument(db: Db, id: string): Promise<string> {
  const principal = COMMAND_LINE;
  const notFound = (error: unknown) => {
    if (error instanceof PianoError && error.code === 'not_found') return null;
    throw error;
  };
  const organization = await readOrganization({ db, principal, organizationId: id }).catch(
    notFound,
  );
  if (organization) return organization.id;
  const plan = await readPlan({ db, principal, planId: id }).catch(notFound);
  if (plan) return plan.organizationId;
  throw new PianoError('not_found', `Nessun ente o piano con identificativo ${id}`);
}

export const calendarCommand = new Command('calendar')
  .description('scadenze in ritardo e in arrivo di un ente: azioni, micro azioni, adempimenti')
  .argument('<organization>', 'identificativo dell’ente (o di un suo piano)')
  .option('--from <date>', 'primo giorno (AAAA-MM-GG); dall’inizio dei piani se assente')
  .option('--to <date>', 'ultimo giorno (AAAA-MM-GG); fino alla fine dei piani se assente')
  .option('--as-of <date>', 'giudica ritardi e scadenze a questa data; oggi se assente')
  .option('--ics <file>', 'scrive anche il calendario iCalendar (.ics) degli anni dei piani')
  .option('--json', 'stampa JSON')
  .action(async (id: string, options: CalendarOptions, command: Command) => {
    const [from, to, today] = [
      checkDate(options.from, '--from'),
      checkDate(options.to, '--to'),
      checkDate(options.asOf, '--as-of'),
    ];
    const { calendar, ics } = await withDb(command, async (db) => {
      const organizationId = await organizationArgument(db, id);
      const where = { db, principal: COMMAND_LINE, organizationId, today };
      const calendar = await listComplianceCalendar({ ...where, from, to });
      const ics = options.ics ? await buildCalendarFeed(where) : null;
      return { calendar, ics };
    });
    if (options.ics && ics !== null) await writeFile(options.ics, ics);
    if (options.json) {
      process.stdout.write(`${JSON.stringify(calendar, null, 2)}\n`);
      return;
    }
    const line = (i: CalendarItem) =>
      `  ${dateLabel(i.date)}  ${i.kind === 'obligation' ? 'Adempimento' : 'Azione     '}  ${i.title}${i.reference ? ` (${i.reference})` : ''}`;
    const overdue = calendar.items.filter((i) => i.status === 'overdue');
    const upcoming = calendar.items.filter((i) => i.status === 'upcoming');
    process.stdout.write(
      [
        `Scadenze di ${calendar.organizationName} al ${dateLabel(calendar.asOf)} (dal ${dateLabel(calendar.from)} al ${dateLabel(calendar.to)})`,
        '',
        `In ritardo (${overdue.length})`,
        ...overdue.map(line),
        '',
        `In arrivo (${upcoming.length})`,
        ...upcoming.map(line),
        ...(options.ics ? ['', `Calendario iCalendar scritto in ${options.ics}`] : []),
        '',
      ].join('\n'),
    );
  });
