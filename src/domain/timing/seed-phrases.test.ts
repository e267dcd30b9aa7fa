import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTiming } from './parse-timing.js';
import type { TimingContext } from './timing.js';
import { EXPECTED, EXPECTED_ENTRO } from './gold/seed-timing-phrases.js';

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
