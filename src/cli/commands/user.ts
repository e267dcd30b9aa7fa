import { Command, Option } from 'commander';
import { PianoError } from '../../domain/errors.js';
import { addUser } from '../../operations/add-user.js';
import { withDb } from '../context.js';

export const userCommand = new Command('user').description('gestione degli utenti');

userCommand
  .command('add')
  .description('crea un utente locale (la password da --password o da PIANO_USER_PASSWORD)')
  .requiredOption('--email <email>', 'email di accesso')
  .option('--name <name>', 'nome visualizzato')
  .option('--password <password>', 'password iniziale (almeno 10 caratteri)')
  .option('--org <organizationId>', 'ente a cui dare un ruolo')
  .addOption(new Option('--role <role>', 'ruolo nell’ente').choices(['admin', 'editor', 'viewer']))
  .option('--unit <unitId>', 'settore (obbligatorio per editor)')
  .option('--consultant', 'consulente di piattaforma: gestisce tutti gli enti')
  .action(async (o: Record<string, string | boolean | undefined>, command: Command) => {
    const password = (o.password as string | undefined) ?? process.env.PIANO_USER_PASSWORD;
    if (!password) throw new PianoError('validation', 'Indicare --password o PIANO_USER_PASSWORD');
    if (o.role === 'editor' && !o.unit)
      throw new PianoError('validation', 'Un editor richiede --unit');
    const user = await withDb(command, (db) =>
      addUser({
        db,
        email: o.email as string,
        name: (o.name as string | undefined) ?? (o.email as string),
        password,
        platformRole: o.consultant ? 'consultant' : null,
        organizationId: o.org as string | undefined,
        role: o.role as 'admin' | 'editor' | 'viewer' | undefined,
        unitId: (o.unit as string | undefined) ?? null,
      }),
    );
    process.stdout.write(`Utente creato: ${user.email} (${user.id})\n`);
  });
