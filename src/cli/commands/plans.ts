import { Command } from 'commander';
import { COMMAND_LINE } from '../../operations/callers.js';
import { listOrganizations } from '../../operations/list-organizations.js';
import { listPlans } from '../../operations/list-plans.js';
import { withDb } from '../context.js';

export const plansCommand = new Command('plans')
  .description('elenca i piani con i loro identificativi')
  .option('--json', 'stampa JSON')
  .action(async (options: { json?: boolean }, command: Command) => {
    const rows = await withDb(command, async (db) => {
      const principal = COMMAND_LINE;
      const { items } = await listPlans({ db, principal, limit: 10_000, offset: 0 });
      const organizations = await listOrganizations({ db, principal });
      const names = new Map(organizations.items.map((o) => [o.id, o.name]));
      return items.map((p) => ({
        id: p.id,
        organizationId: p.organizationId,
        organization: names.get(p.organizationId) ?? '',
        title: p.title,
        startYear: p.startYear,
        endYear: p.endYear,
        status: p.status,
      }));
    });
    if (options.json) {
      process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return;
    }
    if (rows.length === 0) process.stdout.write('Nessun piano.\n');
    for (const r of rows) {
      process.stdout.write(
        `${r.id}  ${r.startYear}–${r.endYear}  ${r.status.padEnd(10)}  ${r.organization} · ${r.title}\n`,
      );
    }
  });
