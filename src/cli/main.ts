import { Command } from 'commander';
import { demoCommand } from './commands/demo.js';
import { exportCommand, loadCommand, validateCommand } from './commands/files.js';
import { migrateCommand } from './commands/migrate.js';
import { plansCommand } from './commands/plans.js';
import { serveCommand } from './commands/serve.js';
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
    .addCommand(demoCommand);
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (error) {
    process.exitCode = reportError(error);
  }
}
