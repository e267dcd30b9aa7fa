import { Command } from 'commander';
import { findEdition } from '../../domain/catalog/catalog.js';
import { searchLines } from '../../domain/catalog/search.js';
import { deadlineLabel } from '../../domain/compliance/dates.js';
import { PianoError } from '../../domain/errors.js';
import { readCatalog } from '../../operations/read-catalog.js';

export const catalogCommand = new Command('catalog').description(
  'il catalogo nazionale: Piano triennale AgID, misure PNRR, piattaforme, adempimenti',
);

interface ListOptions {
  edition?: string;
  chapter?: string;
  platform?: string;
  search?: string;
  comuni?: boolean;
  json?: boolean;
}

catalogCommand
  .command('list')
  .description('elenca le linee d’azione (tutte le edizioni, o quella indicata)')
  .option('--edition <edition>', 'edizione, ad esempio 2024-2026')
  .option('--chapter <n>', 'solo un capitolo')
  .option('--platform <name>', 'solo le linee di una piattaforma (es. pagoPA)')
  .option('--search <words>', 'solo le linee che contengono queste parole')
  .option('--comuni', 'solo le linee che riguardano i comuni')
  .option('--json', 'stampa JSON')
  .action((options: ListOptions) => {
    const catalog = readCatalog();
    if (options.edition && !findEdition(catalog, options.edition)) {
      const known = catalog.editions.map((e) => e.edition).join(', ');
      throw new PianoError(
        'not_found',
        `Edizione ${options.edition} non trovata (edizioni: ${known})`,
      );
    }
    const hits = searchLines(catalog, {
      edition: options.edition,
      chapter: options.chapter ? Number(options.chapter) : undefined,
      platform: options.platform,
      q: options.search,
      appliesTo: options.comuni ? 'comune' : undefined,
    });
    if (options.json) {
      const entries = hits.map((h) => ({ edition: h.edition, ...h.line }));
      process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
      return;
    }
    let edition = '';
    for (const { edition: id, line } of hits) {
      if (id !== edition) {
        edition = id;
        const e = findEdition(catalog, id);
        process.stdout.write(`\n${e?.title} (${id})\n`);
      }
      const flags = [
        line.optional ? 'facoltativa' : '',
        line.kind === 'institutional' ? 'istituzionale' : '',
      ]
        .filter(Boolean)
        .join(', ');
      process.stdout.write(
        `  ${line.code.padEnd(13)} ${deadlineLabel(line.deadline, line.deadlineKind).padEnd(22)} ${line.title}${flags ? ` [${flags}]` : ''}\n`,
      );
    }
    process.stdout.write(`\n${hits.length} linee\n`);
  });

catalogCommand
  .command('editions')
  .description('elenca le edizioni del Piano triennale nel catalogo')
  .option('--json', 'stampa JSON')
  .action((options: { json?: boolean }) => {
    const editions = [...readCatalog().editions].reverse().map((e) => ({
      edition: e.edition,
      title: e.title,
      lines: e.lines.length,
      results: e.results.length,
      objectives: e.objectives.length,
    }));
    if (options.json) {
      process.stdout.write(`${JSON.stringify(editions, null, 2)}\n`);
      return;
    }
    for (const e of editions) {
      process.stdout.write(
        `${e.edition}  ${e.title}: ${e.objectives} obiettivi, ${e.results} risultati attesi, ${e.lines} linee d’azione\n`,
      );
    }
  });
