import { Command, Option } from 'commander';
import { PianoError } from '../../domain/errors.js';
import { addUser } from '../../operations/add-user.js';
import { setAccountFiscalCode } from '../../operations/set-account-fiscal-code.js';
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

userCommand
  .command('fiscal-code')
  .description(
    'imposta il codice fiscale con cui il primo accesso SPID/CIE (OpenID Connect) trova l’utente',
  )
  .requiredOption('--email <email>', 'email dell’utente')
  .option('--fiscal-code <code>', 'codice fiscale (anche con il prefisso TINIT-)')
  .option('--clear', 'toglie il codice fiscale')
  .action(async (o: Record<string, string | boolean | undefined>, command: Command) => {
    if (!o.clear && typeof o.fiscalCode !== 'string') {
      throw new PianoError('validation', 'Indicare --fiscal-code oppure --clear');
    }
    const user = await withDb(command, (db) =>
      setAccountFiscalCode({
        db,
        email: o.email as string,
        fiscalCode: o.clear ? null : (o.fiscalCode as string),
      }),
    );
    process.stdout.write(
      user.fiscalCode
        ? `Codice fiscale di ${user.email}: ${user.fiscalCode}\n`
        : `Codice fiscale di ${user.email} tolto\n`,
    );
  });
