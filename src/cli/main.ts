import { Command } from 'commander';
import { reportError } from './context.js';

/**
 * The commands, in the order `piano --help` lists them, each loaded only when needed: a command
 * brings in its own dependencies (the HTTP server, the importer, the document renderers…), and
 * loading all of them cost every launch about half a second.
 */
const COMMANDS: [name: string, load: () => Promise<Command>][] = [
  ['serve', async () => (await import('./commands/serve.js')).serveCommand],
  ['migrate', async () => (await import('./commands/migrate.js')).migrateCommand],
  ['backup', async () => (await import('./commands/backup.js')).backupCommand],
  ['restore', async () => (await import('./commands/backup.js')).restoreCommand],
  ['user', async () => (await import('./commands/user.js')).userCommand],
  ['plans', async () => (await import('./commands/plans.js')).plansCommand],
  ['plan', async () => (await import('./commands/plan.js')).planCommand],
  ['diff', async () => (await import('./commands/diff.js')).diffCommand],
  ['objectives', async () => (await import('./commands/objectives.js')).objectivesCommand],
  ['load', async () => (await import('./commands/files.js')).loadCommand],
  ['export', async () => (await import('./commands/files.js')).exportCommand],
  ['validate', async () => (await import('./commands/files.js')).validateCommand],
  ['demo', async () => (await import('./commands/demo.js')).demoCommand],
  ['catalog', async () => (await import('./commands/catalog.js')).catalogCommand],
  ['check', async () => (await import('./commands/check.js')).checkCommand],
  ['starter', async () => (await import('./commands/starter.js')).starterCommand],
  ['calendar', async () => (await import('./commands/calendar.js')).calendarCommand],
  ['import', async () => (await import('./commands/import.js')).importCommand],
];

/** Global options that take a value, which may follow them as the next argument. */
const GLOBAL_OPTIONS_WITH_VALUE = new Set(['--data-dir', '--database-url']);

/**
 * The command named on the command line (`piano [global options] NAME …`), if it is one of
 * ours; anything else (no command, `help`, a typo) loads every command so that commander can
 * list them or suggest one.
 */
export function requestedCommand(argv: string[]): string | undefined {
  const args = argv.slice(2);
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (GLOBAL_OPTIONS_WITH_VALUE.has(arg)) {
      i += 1;
      continue;
    }
    if (arg.startsWith('-')) continue;
    return COMMANDS.some(([name]) => name === arg) ? arg : undefined;
  }
  return undefined;
}

export async function buildCli(argv: string[] = []): Promise<Command> {
  const wanted = requestedCommand(argv);
  const program = new Command('piano')
    .description('piano – il Piano triennale per l’informatica di un ente, strutturato')
    .option('--data-dir <dir>', 'cartella del database integrato (PIANO_DATA_DIR)')
    .option('--database-url <url>', 'server PostgreSQL (DATABASE_URL)');
  for (const [name, load] of COMMANDS) {
    if (wanted === undefined || wanted === name) program.addCommand(await load());
  }
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await (await buildCli(argv)).parseAsync(argv);
  } catch (error) {
    process.exitCode = reportError(error);
  }
}
