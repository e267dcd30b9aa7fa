import { Command } from 'commander';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../../operations/seed-demo.js';
import { withDb } from '../context.js';

export const demoCommand = new Command('demo')
  .description('carica il piano dimostrativo e i suoi utenti in un database senza piani')
  .action(async (_options: object, command: Command) => {
    const loaded = await withDb(command, (db) => seedDemo(db));
    if (!loaded) {
      process.stdout.write('Il database contiene già dei piani: nulla da fare.\n');
      return;
    }
    process.stdout.write(`Piano dimostrativo caricato: ${loaded.planId}\n`);
    for (const u of DEMO_USERS) process.stdout.write(`  utente ${u.email} (${u.role})\n`);
    process.stdout.write(`  password comune degli utenti dimostrativi: ${DEMO_PASSWORD}\n`);
  });
