import { mkdirSync, openSync, readFileSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PianoError } from '../domain/errors.js';

/** What a lock file says about the process that holds the data directory. */
interface Holder {
  pid: number;
  command: string;
  since: string;
}

const LOCK_FILE = 'piano.lock';

/**
 * Makes this process the one owner of an embedded database's data directory: PGlite is a
 * single-process database, and a second process on the same directory would see stale data or
 * abort inside the engine. A second process gets an Italian error that names the first; a lock
 * left by a process that no longer runs is taken over. Returns the release function (also run
 * when the process exits).
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(resolve(dataDir), LOCK_FILE);
  const me: Holder = {
    pid: process.pid,
    command: ['piano', ...process.argv.slice(2)].join(' ').slice(0, 200),
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      const release = () => {
        process.off('exit', release);
        if (holderOf(path)?.pid === process.pid) unlinkSync(path);
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = holderOf(path);
      if (holder && holder.pid !== process.pid && isRunning(holder.pid)) {
        throw new PianoError('conflict', inUseMessage(dataDir, holder));
      }
      // Left by a process that has ended (or unreadable): take it over.
      unlinkSync(path);
    }
  }
  throw new PianoError('conflict', `Impossibile riservare la cartella dei dati ${dataDir}`);
}

function holderOf(path: string): Holder | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Holder;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const inUseMessage = (dataDir: string, holder: Holder) =>
  `La cartella dei dati ${dataDir} è già in uso dal processo ${holder.pid} (${holder.command}, ` +
  `avviato ${holder.since}): il database integrato serve un solo processo alla volta. ` +
  'Fermare quel processo prima di usare questo comando, oppure usare un server PostgreSQL ' +
  '(DATABASE_URL), che più processi possono condividere.';
