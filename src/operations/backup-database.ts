import { readFile, rename, writeFile } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PianoError } from '../domain/errors.js';
import { countDataRows, dumpDatabase, loadDump, type Dump } from '../storage/backup.js';
import { knownMigrations } from '../storage/migrate.js';
import { openDatabase, type OpenDatabaseOptions } from './open-database.js';

const FORMAT = 'piano-backup';
const VERSION = 1;

/** A backup file: gzip of a JSON document that says what it is and which schema it holds. */
interface BackupFile extends Dump {
  format: typeof FORMAT;
  version: typeof VERSION;
  createdAt: string;
}

/**
 * Writes everything the database holds to `file` (`piano backup`), as one consistent state.
 * The file is written aside and moved into place, so a failed backup never leaves half a file
 * where a good one was. Returns how many rows it holds.
 */
export async function backupDatabase(
  options: OpenDatabaseOptions & { file: string },
): Promise<{ rows: number; schema: string }> {
  const db = await openDatabase(options);
  try {
    const dump = await dumpDatabase(db);
    const content: BackupFile = {
      format: FORMAT,
      version: VERSION,
      createdAt: new Date().toISOString(),
      ...dump,
    };
    const aside = `${options.file}.${process.pid}.tmp`;
    await writeFile(aside, gzipSync(JSON.stringify(content)));
    await rename(aside, options.file);
    const rows = dump.tables.reduce((n, t) => n + t.rows.length, 0);
    return { rows, schema: dump.schema };
  } finally {
    await db.close();
  }
}

/**
 * Restores a backup into the database (`piano restore`): all of it or nothing. Refuses a file
 * that is not a piano backup, one from a newer schema than this version of piano knows, and a
 * database that already holds data unless `force` says to replace it.
 */
export async function restoreDatabase(
  options: OpenDatabaseOptions & { file: string; force?: boolean },
): Promise<{ rows: number }> {
  const backup = await readBackup(options.file);
  const known = await knownMigrations();
  const latest = known[known.length - 1] ?? '';
  if (backup.schema > latest) {
    throw new PianoError(
      'unsupported_file',
      `Il backup viene da una versione più recente di piano (schema ${backup.schema}; questa versione arriva a ${latest}): aggiornare piano prima di ripristinarlo`,
    );
  }
  const db = await openDatabase(options);
  try {
    if (!options.force && (await countDataRows(db)) > 0) {
      throw new PianoError(
        'conflict',
        'Il database contiene già dati: il ripristino li sostituirebbe tutti. Ripristinare in un database vuoto, oppure aggiungere --force per sostituirli',
      );
    }
    await loadDump(db, backup);
    return { rows: backup.tables.reduce((n, t) => n + t.rows.length, 0) };
  } finally {
    await db.close();
  }
}

async function readBackup(file: string): Promise<BackupFile> {
  const unreadable = (why: string) =>
    new PianoError('unreadable_file', `${file} non è un backup di piano leggibile: ${why}`);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new PianoError('not_found', `File non trovato: ${file}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(gunzipSync(bytes, { maxOutputLength: 2 ** 31 - 1 }).toString('utf8'));
  } catch {
    throw unreadable('non è un file gzip con un documento JSON');
  }
  const b = parsed as Partial<BackupFile> | null;
  if (!b || b.format !== FORMAT || !Array.isArray(b.tables) || typeof b.schema !== 'string') {
    throw unreadable('manca l’intestazione piano-backup');
  }
  if (b.version !== VERSION)
    throw unreadable(`versione del formato ${String(b.version)} sconosciuta`);
  return b as BackupFile;
}
