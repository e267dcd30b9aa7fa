import { describe, expect, it } from 'vitest';
import {
  formatAct,
  formatDate,
  formatEuro,
  formatNumber,
  formatShortDate,
} from '../../src/documents/format.js';
import { cellText, type HeadingBlock, type TableBlock } from '../../src/documents/outline.js';
import { buildPlanOutline } from '../../src/documents/plan-outline.js';
import { spendingTotal, timingText } from '../../src/documents/plan-facts.js';
import { demoPlan, smallPlan } from './support.js';

const headings = (level: number, blocks = buildPlanOutline(demoPlan()).blocks) =>
  blocks.filter((b): b is HeadingBlock => b.kind === 'heading' && b.level === level);
const table = (caption: string, doc = demoPlan()) =>
  buildPlanOutline(doc).blocks.find(
    (b): b is TableBlock => b.kind === 'table' && b.caption === caption,
  );

describe('Italian formatting', () => {
  it('writes numbers, euros and dates the Italian way', () => {
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatNumber(12)).toBe('12');
    expect(formatEuro(155234)).toBe('€ 155.234,00');
    expect(formatEuro(14820.5)).toBe('€ 14.820,50');
    expect(formatDate('2025-12-31')).toBe('31 dicembre 2025');
    expect(formatShortDate('2025-04-07')).toBe('07/04/2025');
    expect(formatAct({ organ: 'Giunta comunale', number: '46', date: '2025-04-17' })).toBe(
      'deliberazione della Giunta comunale n. 46 del 17 aprile 2025',
    );
  });

  it('gives the timing as the plan’s words followed by the date they resolve to', () => {
    const [a1] = demoPlan().actions;
    expect(timingText(a1!.timing)).toBe('entro il 31 dicembre 2025 (scadenza: 31 dicembre 2025)');
    const undated = demoPlan().actions.find((a) => a.timing?.kind === 'unresolved');
    expect(timingText(undated!.timing)).toMatch(
      /^nei tempi previsti dal bando PNRR \(non databile/,
    );
  });
});

describe('the plan outline', () => {
  it('has the chapters in the order real plans use', () => {
    expect(headings(1).map((h) => h.text)).toEqual([
      '1. Introduzione e quadro normativo',
      '2. Le relazioni con gli altri strumenti di programmazione',
      '3. La spesa per la transizione al digitale',
      '4. Le priorità da affrontare',
      '5. Riepilogo delle azioni',
      '6. Indicatori e target',
      '7. Adesione alle piattaforme nazionali',
      '8. Sicurezza informatica',
      '9. Termini, definizioni e acronimi',
    ]);
  });

  it('gives every priority its state of the art and actions, and every action a heading', () => {
    const doc = demoPlan();
    const outline = buildPlanOutline(doc);
    expect(headings(2, outline.blocks).map((h) => h.text)).toEqual(
      expect.arrayContaining(doc.priorities.map((p) => `Priorità ${p.code} – ${p.title}`)),
    );
    expect(headings(4, outline.blocks).map((h) => h.text)).toEqual(
      doc.actions.map((a) => `${a.code} ${a.title}`),
    );
    const ids = outline.blocks.flatMap((b) => ('id' in b ? [b.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('totals the spending in cents and by funding source', () => {
    const doc = demoPlan();
    expect(spendingTotal(doc)).toBe(650037.5);
    const items = table('Voci di spesa')!;
    expect(items.rows).toHaveLength(doc.spending.length);
    expect(cellText(items.totals![0]!.at(-1)!)).toBe('€ 650.037,50');
    const bySource = table('Totali per provenienza dei fondi')!;
    expect(bySource.rows.map((r) => [cellText(r[0]!), cellText(r[1]!)])).toEqual([
      ['PNRR', '€ 395.767,00'],
      ['PNRR tramite Regione Toscana', '€ 18.500,00'],
      ['Bilancio comunale', '€ 210.770,50'],
      ['Bilancio comunale e contributo regionale', '€ 25.000,00'],
    ]);
  });

  it('marks with X the years each action touches in the summary table', () => {
    const doc = demoPlan();
    const summary = table('Riepilogo delle azioni per responsabili e anni')!;
    expect(summary.columns.map((c) => c.header)).toEqual([
      'Azione',
      'Responsabilità',
      '2025',
      '2026',
      '2027',
    ]);
    doc.actions.forEach((a, i) => {
      const row = summary.rows[i]!.map(cellText);
      const years = a.timing?.kind === 'immediate' ? [] : (a.timing?.years ?? []);
      expect(row.slice(2)).toEqual([2025, 2026, 2027].map((y) => (years.includes(y) ? 'X' : '')));
    });
  });

  it('names linked national lines of action with their titles when a catalog knows them', () => {
    const outline = buildPlanOutline(demoPlan(), {
      lookupTitle: (code) => (code === 'CAP4.PA.04' ? 'Titolo dal catalogo' : undefined),
    });
    const items = outline.blocks.flatMap((b) => (b.kind === 'list' ? b.items : []));
    const texts = items.map((runs) => runs.map((r) => r.text).join(''));
    expect(texts).toContain('CAP4.PA.04 – Titolo dal catalogo');
    expect(texts).toContain('CAP4.PA.05');
  });

  it('says on the cover that a draft is not approved', () => {
    const outline = buildPlanOutline(smallPlan());
    expect(outline.cover.details.join('\n')).toContain('BOZZA – documento non ancora approvato');
    expect(buildPlanOutline(demoPlan()).cover.details).toContain(
      'Approvato con deliberazione della Giunta comunale n. 46 del 17 aprile 2025',
    );
  });
});
