import { Command } from 'commander';
import { configOf } from '../context.js';
import { openDb } from '../../storage/db.js';
import { migrate } from '../../storage/migrate.js';

export const migrateCommand = new Command('migrate')
  .description('applica al database le migrazioni mancanti')
  .action(async (_options: object, command: Command) => {
    const config = configOf(command);
    const db = await openDb({ databaseUrl: config.DATABASE_URL, dataDir: config.PIANO_DATA_DIR });
    try {
      const applied = await migrate(db);
      process.stdout.write(
        applied.length
          ? `Migrazioni applicate: ${applied.join(', ')}\n`
          : 'Database già aggiornato\n',
      );
    } finally {
      await db.close();
    }
  });
