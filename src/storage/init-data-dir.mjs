// Creates an embedded database in the directory named by the first argument (PostgreSQL's
// initdb, as PGlite runs it) and exits. storage/db.ts runs it in a short-lived child process for
// a new data directory: PGlite's initdb starts a second PostgreSQL instance beside the one being
// created, and the memory both take would otherwise stay the serving process's peak, and in
// good part its resident size, for the rest of its life. Plain JavaScript, so it starts without
// the TypeScript loader.
import { PGlite } from '@electric-sql/pglite';

const dataDir = process.argv[2];
if (!dataDir) {
  process.stderr.write('usage: init-data-dir.mjs DATA_DIR\n');
  process.exit(2);
}
const pglite = await PGlite.create(dataDir);
await pglite.close();
