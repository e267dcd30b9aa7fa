import { Command } from 'commander';
import { listPlans } from '../../storage/plans.js';
import { listOrganizations } from '../../storage/organizations.js';
import { withDb } from '../context.js';

export const plansCommand = new Command('plans')
  .description('elenca i piani con i loro identificativi')
  .option('--json', 'stampa JSON')
  .action(async (options: { json?: boolean }, command: Command) => {
    const rows = await withDb(command, async (db) => {
      const { items } = await listPlans(db, { memberOf: 'all', limit: 10_000, offset: 0 });
      const names = new Map((await listOrganizations(db, 'all')).map((o) => [o.id, o.name]));
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
