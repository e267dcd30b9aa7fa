import { Command } from 'commander';
import { calendarCommand } from './commands/calendar.js';
import { catalogCommand } from './commands/catalog.js';
import { checkCommand } from './commands/check.js';
import { demoCommand } from './commands/demo.js';
import { exportCommand, loadCommand, validateCommand } from './commands/files.js';
import { importCommand } from './commands/import.js';
import { migrateCommand } from './commands/migrate.js';
import { plansCommand } from './commands/plans.js';
import { serveCommand } from './commands/serve.js';
import { starterCommand } from './commands/starter.js';
import { userCommand } from './commands/user.js';
import { reportError } from './context.js';

export function buildCli(): Command {
  return new Command('piano')
    .description('piano – il Piano triennale per l’informatica di un ente, strutturato')
    .option('--data-dir <dir>', 'cartella del database integrato (PIANO_DATA_DIR)')
    .option('--database-url <url>', 'server PostgreSQL (DATABASE_URL)')
    .addCommand(serveCommand)
    .addCommand(migrateCommand)
    .addCommand(userCommand)
    .addCommand(plansCommand)
    .addCommand(loadCommand)
    .addCommand(exportCommand)
    .addCommand(validateCommand)
    .addCommand(demoCommand)
    .addCommand(catalogCommand)
    .addCommand(checkCommand)
    .addCommand(starterCommand)
    .addCommand(calendarCommand)
    .addCommand(importCommand);
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (error) {
    process.exitCode = reportError(error);
  }
}
