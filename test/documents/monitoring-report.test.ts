import { describe, expect, it } from 'vitest';
import { buildReportOutline, monitoringFacts } from '../../src/documents/monitoring-report.js';
import type { TableBlock } from '../../src/documents/outline.js';
import { cellText } from '../../src/documents/outline.js';
import { demoPlan } from './support.js';

describe('the state of the plan at a date', () => {
  const doc = demoPlan();

  it('counts the actions by status and averages the progress of those not cancelled', () => {
    const facts = monitoringFacts(doc, '2026-07-01');
    const total = Object.values(facts.counts).reduce((a, b) => a + b, 0);
    expect(total).toBe(49);
    expect(facts.counts.completed).toBe(doc.actions.filter((a) => a.status === 'completed').length);
    const live = doc.actions.filter((a) => a.status !== 'cancelled');
    const avg = live.reduce((s, a) => s + a.progress, 0) / live.length;
    expect(facts.averageProgress).toBeCloseTo(avg, 1);
  });

  it('lists as overdue the open actions whose deadline has passed, most late first', () => {
    const facts = monitoringFacts(doc, '2026-07-01');
    const actions = facts.overdue.filter((d) => !d.micro).map((d) => d.action.code);
    // 1.3 is due "entro giugno 2026" and still in progress; 1.4 was due in 2025 but is completed.
    expect(actions).toContain('1.3');
    expect(actions).not.toContain('1.4');
    const a13 = facts.overdue.find((d) => d.action.code === '1.3' && !d.micro)!;
    expect(a13.due).toBe('2026-06-30');
    expect(a13.days).toBe(1);
    expect(facts.overdue.map((d) => d.days)).toEqual(
      [...facts.overdue.map((d) => d.days)].sort((a, b) => b - a),
    );
    // Undated words ("nei tempi previsti dal bando PNRR") are never overdue.
    expect(actions).not.toContain('1.2');
    // The day before the deadline it is upcoming, not overdue.
    const before = monitoringFacts(doc, '2026-06-29');
    expect(before.overdue.some((d) => d.action.code === '1.3' && !d.micro)).toBe(false);
    expect(before.upcoming.find((d) => d.action.code === '1.3' && !d.micro)?.days).toBe(1);
  });

  it('compares each indicator’s latest measurement by the date with the year’s target', () => {
    const early = monitoringFacts(doc, '2025-07-01').indicators.find(
      (f) => f.indicator.id === 'i1',
    )!;
    expect(early.latest?.date).toBe('2025-06-30');
    expect(early.targetYear).toBe(2025);
    expect(early.target).toBe(8568);
    const late = monitoringFacts(doc, '2026-01-10').indicators.find(
      (f) => f.indicator.id === 'i1',
    )!;
    expect(late.latest?.value).toBe(8790);
    expect(late.targetYear).toBe(2026);
    expect(late.target).toBe(11016);
    expect(late.outcome).toBe('not_reached');
    // (8790 - 6120) / (11016 - 6120) of the way from baseline to target.
    expect(late.achievement).toBeCloseTo(54.5, 1);
  });

  it('sums the spending by funding source and status to the cent', () => {
    const facts = monitoringFacts(doc, '2026-01-01');
    const pnrr = facts.spending.find((s) => s.source === 'PNRR')!;
    expect(pnrr).toEqual({
      source: 'PNRR',
      planned: 27064,
      committed: 204531,
      paid: 164172,
      total: 395767,
    });
    const total = facts.spending.reduce((s, r) => s + Math.round(r.total * 100), 0);
    expect(total).toBe(65003750);
  });

  it('writes the report with the overdue table and the spending by status', () => {
    const outline = buildReportOutline(doc, { date: '2026-07-01' });
    expect(outline.cover.period).toBe('Situazione al 1 luglio 2026');
    const tables = outline.blocks.filter((b): b is TableBlock => b.kind === 'table');
    const overdue = tables.find((t) => t.caption === 'Azioni in ritardo al 01/07/2026')!;
    expect(
      overdue.rows.some((r) => cellText(r[0]!) === '1.3 Nuovi servizi del Comune su App IO'),
    ).toBe(true);
    const spending = tables.find((t) => t.caption === 'Spesa per provenienza dei fondi e stato')!;
    expect(spending.totals![0]!.map(cellText).slice(1)).toEqual([
      '€ 158.864,00',
      '€ 312.181,00',
      '€ 178.992,50',
      '€ 650.037,50',
    ]);
  });
});
