import { Command } from 'commander';
import { backupDatabase, restoreDatabase } from '../../operations/backup-database.js';
import { configOf } from '../context.js';

const databaseOf = (command: Command) => {
  const config = configOf(command);
  return {
    databaseUrl: config.DATABASE_URL,
    dataDir: config.PIANO_DATA_DIR,
    cacheMb: config.PIANO_DB_CACHE_MB,
  };
};

export const backupCommand = new Command('backup')
  .description('salva in FILE tutto il contenuto del database (enti, utenti, piani, audit…)')
  .argument('<file>', 'file del backup (gzip)')
  .action(async (file: string, _options: object, command: Command) => {
    const { rows, schema } = await backupDatabase({ ...databaseOf(command), file });
    process.stdout.write(`Backup scritto in ${file}: ${rows} righe, schema ${schema}\n`);
  });

export const restoreCommand = new Command('restore')
  .description('ripristina un backup in un database vuoto (--force: sostituisce i dati presenti)')
  .argument('<file>', 'file del backup')
  .option('--force', 'sostituisce i dati già presenti nel database')
  .action(async (file: string, options: { force?: boolean }, command: Command) => {
    const { rows } = await restoreDatabase({
      ...databaseOf(command),
      file,
      force: Boolean(options.force),
    });
    process.stdout.write(`Backup ripristinato da ${file}: ${rows} righe\n`);
  });
