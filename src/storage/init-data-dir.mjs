// Creates an embedded database in the directory named by the first argument (PostgreSQL's
// initdb, as PGlite runs it) with a page cache of the second argument's megabytes, and exits.
// storage/db.ts runs it in a short-lived child process for a new data directory: PGlite's
// initdb starts a second PostgreSQL instance beside the one being created, and the memory both
// take would otherwise stay the serving process's peak, and in good part its resident size, for
// the rest of its life. Plain JavaScript, so it starts without the TypeScript loader.
import { PGlite } from '@electric-sql/pglite';

const [dataDir, cacheMb] = process.argv.slice(2);
if (!dataDir || !/^\d+$/.test(cacheMb ?? '')) {
  process.stderr.write('usage: init-data-dir.mjs DATA_DIR CACHE_MB\n');
  process.exit(2);
}
// initdb writes the setting into postgresql.conf; the instance that starts after it uses it too.
const cache = ['-c', `shared_buffers=${cacheMb}MB`];
const pglite = await PGlite.create(dataDir, {
  initDbStartParams: cache,
  startParams: [...PGlite.defaultStartParams, ...cache],
});
await pglite.close();
