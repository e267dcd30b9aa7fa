import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTiming } from './parse-timing.js';
import type { TimingContext, TimingKind } from './timing.js';

/**
 * The three real plans in ../shared/seeds are read in place (never copied into the repository):
 * every timing phrase they contain must parse, keep its words, and mean what the table says.
 */
const SEEDS = new URL('../../../../shared/seeds/', import.meta.url);

/** Each plan's own period, and a reference day inside it for "da subito". */
const CONTEXTS: Record<string, TimingContext> = {
  '001': { startYear: 2022, endYear: 2024, today: '2023-06-01' }, // aggiornamento 2022-2024, revised June 2023
  '002': { startYear: 2025, endYear: 2027, today: '2025-01-01' }, // piano 2025 – 2027
  '003': { startYear: 2021, endYear: 2023, today: '2021-01-01' }, // actions due 2021, plan to 2023
};

interface Phrase {
  seed: string;
  line: number;
  raw: string;
}

const TEMPI = /^\s*\**Tempi:\**\s*(.*)$/i;

/** "Tempi: <phrase>", or the next non-empty line when the label stands alone (seed 003). */
function tempiPhrases(seed: string, lines: string[]): Phrase[] {
  return lines.flatMap((line, i) => {
    const m = TEMPI.exec(line);
    if (!m) return [];
    const own = (m[1] ?? '').trim();
    const raw = own !== '' ? own : (lines.slice(i + 1).find((l) => l.trim() !== '') ?? '').trim();
    return [{ seed, line: i + 1, raw }];
  });
}

/** Table cells (runs of 2+ spaces apart) that start with "Entro" and name a year on that line. */
function entroCells(seed: string, lines: string[]): Phrase[] {
  return lines.flatMap((line, i) =>
    line
      .split(/\s{2,}/)
      .map((cell) => cell.trim())
      .filter((cell) => /^entro\b/i.test(cell) && /\b(?:19|20)\d\d\b/.test(cell))
      .map((raw) => ({ seed, line: i + 1, raw })),
  );
}

function readSeeds(): { tempi: Phrase[]; entro: Phrase[] } {
  const files = readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const plans = files.map((f) => ({
    seed: f.slice(0, 3),
    lines: readFileSync(new URL(f, SEEDS), 'utf8').split(/\r?\n/),
  }));
  return {
    tempi: plans.flatMap((p) => tempiPhrases(p.seed, p.lines)),
    entro: plans.filter((p) => p.seed === '003').flatMap((p) => entroCells(p.seed, p.lines)),
  };
}

/** The test's own idea of the cleaned words: trimmed, one emphasis wrapper removed. */
function clean(raw: string): string {
  return raw
    .trim()
    .replace(/^(\*{1,2}|_{1,2})(.+)\1$/, '$2')
    .trim();
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return ISO.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Every distinct "Tempi:" phrase per seed, with the kind and due date it must keep meaning. */
const EXPECTED: Array<[seed: string, phrase: string, kind: TimingKind, due: string | null]> = [
  ['001', 'nei tempi previsti dal Bando PNRR', 'unresolved', null],
  ['001', 'entro il 31 dicembre 2023.', 'by', '2023-12-31'],
  [
    '001',
    'nei tempi previsti dal Bando PNRR e progressivamente per quanto attiene la formazione dei fascicoli.',
    'unresolved',
    null,
  ],
  [
    '001',
    'entro il 2023/2024, in linea con i tempi di realizzazione delle progettualità finanziate da Misure PNRR 1.4.3',
    'by',
    '2024-12-31',
  ],
  [
    '001',
    'entro il 2023/2024, in linea con i tempi di realizzazione delle progettualità finanziate da Misure PNRR 1.4.3.',
    'by',
    '2024-12-31',
  ],
  ['001', 'da subito', 'immediate', null],
  ['001', 'da subito per tutto il 2023/2024', 'period', '2024-12-31'],
  [
    '001',
    'secondo le scadenze parziali sopraindicate. Gli obiettivi legati alla realizzazione del form su usabilità e accessibilità, così come la registrazione del sito web su [webanalytics.italia](http://webanalytics.italia) vengono fissati nel 2023. Si rispettano i tempi per svolgere le attività di cui al Bando PNRR 1.4.1. esperienza del cittadino',
    'by',
    '2023-12-31',
  ],
  ['001', 'entro il 2023', 'by', '2023-12-31'],
  [
    '001',
    "costante monitoraggio, affinché alcuni processi vengano fascicolati digitalmente entro il 2023 e tutta l'Amministrazione fascicoli digitalmente entro il 2024",
    'by',
    '2024-12-31',
  ],
  [
    '001',
    "entro il 2023 e in tutti i casi entro i tempi di adesione dell'Ente alla Piattaforma Nazionale Notifiche",
    'by',
    '2023-12-31',
  ],
  [
    '001',
    "connesso alla piena attivazione della piattaforma Nazionale per le Notifiche Digitali, ad INAD e all'adeguamento delle PA all'utilizzo della stessa",
    'unresolved',
    null,
  ],
  [
    '001',
    'entro quanto previsto dalla Misura PNRR 1.4.1 conformemente ai tempi di adeguamento dei software in termini di interoperabilità in particolare tra piattaforme di attori distinti',
    'unresolved',
    null,
  ],
  ['001', 'entro tempi previsti dal Bando', 'unresolved', null],
  [
    '001',
    'da subito e fino al conferimento a cloud esterno secondo le prescrizioni ACN e Bando',
    'immediate',
    null,
  ],
  ['001', 'a partire dal 2023, negli anni a venire', 'from', null],
  ['001', 'rispetto dei tempi del Bando', 'unresolved', null],
  ['001', 'entro il 31 dicembre 2023 e negli anni a seguire', 'by', '2023-12-31'],
  ['002', 'da subito', 'immediate', null],
  ['002', 'da subito per tutto il 2025/2026', 'period', '2026-12-31'],
  ['002', 'da subito e per tutto il 2025/2026', 'period', '2026-12-31'],
  ['002', 'mese di Giugno 2026', 'period', '2026-06-30'],
  [
    '002',
    'entro il mese di Giugno 2026 e in linea con i tempi di realizzazione delle progettualità finanziate da Misure PNRR 1.4.3',
    'by',
    '2026-06-30',
  ],
  [
    '002',
    'entro il 2026, in linea con i tempi di realizzazione delle progettualità finanziate dalla Misura PNRR 1.4.3.',
    'by',
    '2026-12-31',
  ],
  ['002', 'da subito e per tutto il triennio', 'period', '2027-12-31'],
  [
    '002',
    'si rispettano le scadenze periodiche sopraindicate. Si rispettano i tempi per svolgere le attività di cui al Bando PNRR 1.4.1. esperienza del cittadino e cittadino informato',
    'unresolved',
    null,
  ],
  ['002', 'nel corso del 2025', 'year', '2025-12-31'],
  ['002', 'entro il 2026', 'by', '2026-12-31'],
  [
    '002',
    "costante monitoraggio, affinché alcuni processi vengano fascicolati digitalmente entro il 2025 e tutta l'Amministrazione fascicoli digitalmente entro il 2026.",
    'by',
    '2026-12-31',
  ],
  ['002', 'Nel corso del 2025', 'year', '2025-12-31'],
  [
    '002',
    'entro il 2026 (coordinamento con i tempi del Bando 1.4.1), conformemente ai tempi di adeguamento dei software in termini di interoperabilità in particolare tra piattaforme di attori distinti',
    'by',
    '2026-12-31',
  ],
  ['002', 'approvate con delibera G.M. n. 64 del 25/03/2025.', 'date', '2025-03-25'],
  ['002', 'entro mese Giugno 2026', 'by', '2026-06-30'],
  ['002', 'entro giugno 2026', 'by', '2026-06-30'],
  ['002', 'a partire dal 2025, negli anni a venire', 'from', null],
  ['002', 'da subito e negli anni a seguire', 'from', null],
  ['003', '30 ottobre di ogni anno', 'recurring', null],
  ['003', 'entro il 30 novembre di ogni anno', 'recurring', null],
  ['003', '28 febbraio 2021', 'date', '2021-02-28'],
  ['003', '30 aprile 2021', 'date', '2021-04-30'],
  ['003', 'entro il 30 settembre 2021', 'by', '2021-09-30'],
  ['003', '30 ottobre 2021', 'date', '2021-10-30'],
  ['003', 'entro 28 febbraio 2021', 'by', '2021-02-28'],
  ['003', 'entro 31 dicembre 2021.', 'by', '2021-12-31'],
  ['003', '30 dicembre 2021', 'date', '2021-12-30'],
];

/** The "Entro ..." table cells of seed 003. */
const EXPECTED_ENTRO: Array<[phrase: string, due: string]> = [
  ['Entro Giugno 2021', '2021-06-30'],
  ['Entro il 31/12/2021', '2021-12-31'],
];

const seeds = readSeeds();
const all = [...seeds.tempi, ...seeds.entro];

describe('seed plans', () => {
  it('are found next to the repository', () => {
    expect(existsSync(SEEDS)).toBe(true);
    expect(seeds.tempi.length).toBeGreaterThan(50);
    expect(seeds.entro.length).toBeGreaterThan(0);
  });

  it('contain exactly the "Tempi:" phrases of the expected table', () => {
    const found = new Set(seeds.tempi.map((p) => `${p.seed} ${clean(p.raw)}`));
    const expected = new Set(EXPECTED.map(([seed, phrase]) => `${seed} ${phrase}`));
    expect([...found].sort()).toEqual([...expected].sort());
  });

  it('contain exactly the "Entro" cells of the expected table in seed 003', () => {
    const found = new Set(seeds.entro.map((p) => clean(p.raw)));
    expect([...found].sort()).toEqual(EXPECTED_ENTRO.map(([phrase]) => phrase).sort());
  });
});

describe('every timing phrase in the seed plans', () => {
  it.each(all)('parses seed $seed line $line and keeps its words', ({ seed, raw }) => {
    const timing = parseTiming(raw, CONTEXTS[seed]);
    expect(timing.text).toBe(clean(raw));
    const dates = [timing.start, timing.due].filter((d): d is string => d !== null);
    if (timing.kind === 'unresolved') expect(dates).toEqual([]);
    else if (timing.kind === 'recurring') expect(timing.recurrence).not.toBeNull();
    else expect(dates.length).toBeGreaterThan(0);
    for (const date of dates) expect(isCalendarDate(date), date).toBe(true);
    expect(timing.resolved).toBe(timing.kind !== 'unresolved');
  });
});

describe('what the seed phrases mean', () => {
  it.each(EXPECTED)('seed %s: "%s" is %s due %s', (seed, phrase, kind, due) => {
    const raw = seeds.tempi.find((p) => p.seed === seed && clean(p.raw) === phrase)?.raw ?? phrase;
    expect(parseTiming(raw, CONTEXTS[seed])).toMatchObject({ text: phrase, kind, due });
  });

  it.each(EXPECTED_ENTRO)('seed 003 cell "%s" is due %s', (phrase, due) => {
    expect(parseTiming(phrase, CONTEXTS['003'])).toMatchObject({ kind: 'by', due });
  });
});
