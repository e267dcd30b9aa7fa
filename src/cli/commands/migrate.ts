import { Command } from 'commander';
import { configOf } from '../context.js';
import { migrateDatabase } from '../../operations/migrate-database.js';

export const migrateCommand = new Command('migrate')
  .description('applica al database le migrazioni mancanti')
  .action(async (_options: object, command: Command) => {
    const config = configOf(command);
    const applied = await migrateDatabase({
      databaseUrl: config.DATABASE_URL,
      dataDir: config.PIANO_DATA_DIR,
      cacheMb: config.PIANO_DB_CACHE_MB,
    });
    process.stdout.write(
      applied.length
        ? `Migrazioni applicate: ${applied.join(', ')}\n`
        : 'Database già aggiornato\n',
    );
  });
