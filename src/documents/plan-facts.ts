/**
 * Facts derived from a plan document that several outputs share: who is responsible for an
 * action, what its timing means, the spending totals, indicator targets. Derived, never stored:
 * the plan document stays the only source.
 */
import type { Action } from '../domain/model/action.js';
import type { Indicator, Measurement, Target } from '../domain/model/indicator.js';
import type { PlanDocument } from '../domain/model/interchange.js';
import type { Priority } from '../domain/model/priority.js';
import type { TimingJson } from '../domain/model/timing.js';
import { monthName } from '../domain/timing/italian-months.js';
import type { TimelineMark } from './charts.js';
import { formatDate, formatNumber } from './format.js';

/** Optional title of a national catalog code (CAP4.PA.01 → its line of action), when known. */
export type LookupTitle = (code: string) => string | undefined;

/** PNRR Mission 1 Component 1 measures that fund comuni, in short Italian names. */
export const PNRR_MEASURES: Record<string, string> = {
  '1.2': 'Abilitazione e migrazione al cloud',
  '1.3.1': 'Piattaforma digitale nazionale dati (PDND)',
  '1.4.1': 'Esperienza del cittadino nei servizi pubblici',
  '1.4.2': 'Accessibilità dei servizi digitali',
  '1.4.3': 'Adozione di pagoPA e App IO',
  '1.4.4': 'Identità digitale SPID/CIE e ANPR',
  '1.4.5': 'Piattaforma notifiche digitali (SEND)',
  '1.7.2': 'Rete dei servizi di facilitazione digitale',
};

export function unitNames(doc: PlanDocument): Map<string, string> {
  return new Map(doc.organization.units.map((u) => [u.id, u.name]));
}

/** The action's responsibles as the plan writes them, or its owner units when none are written. */
export function responsiblesOf(
  action: Pick<Action, 'responsibles' | 'ownerUnitIds'>,
  units: Map<string, string>,
): string {
  if (action.responsibles.length > 0) return action.responsibles.join(', ');
  return action.ownerUnitIds.map((id) => units.get(id) ?? id).join(', ');
}

/** Priority heading: "Priorità 1 – Piattaforme abilitanti". */
export function priorityTitle(p: Priority, index: number): string {
  return `Priorità ${p.code ?? String(index + 1)} – ${p.title}`;
}

/** "1.1 Accesso con SPID…" */
export function actionTitle(a: Pick<Action, 'code' | 'title'>): string {
  return a.code ? `${a.code} ${a.title}` : a.title;
}

/** Actions grouped under their priority, in the plan's order; actions of unknown priorities last. */
export function actionsByPriority(
  doc: PlanDocument,
): { priority: Priority; index: number; actions: Action[] }[] {
  return doc.priorities.map((priority, index) => ({
    priority,
    index,
    actions: doc.actions.filter((a) => a.priorityId === priority.id),
  }));
}

/** What the timing's words mean, in Italian: "scadenza: 30 giugno 2026". */
export function timingMeaning(t: TimingJson): string {
  switch (t.kind) {
    case 'date':
    case 'by':
      return t.due ? `scadenza: ${formatDate(t.due)}` : 'scadenza non databile';
    case 'year':
    case 'period':
      if (t.start && t.due) return `dal ${formatDate(t.start)} al ${formatDate(t.due)}`;
      if (t.due) return `fino al ${formatDate(t.due)}`;
      return t.years.length > 0 ? `anni ${t.years.join(', ')}` : 'periodo non databile';
    case 'from':
      return t.start ? `dal ${formatDate(t.start)}, senza termine` : 'senza termine';
    case 'immediate':
      return 'avvio immediato, senza termine indicato';
    case 'recurring':
      return t.recurrence
        ? `ogni anno entro il ${t.recurrence.day} ${monthName(t.recurrence.month)}`
        : 'ricorrente';
    case 'unresolved':
      return 'non databile: dipende da tempi esterni al piano';
  }
}

/** "entro giugno 2026 (scadenza: 30 giugno 2026)" */
export function timingText(t: TimingJson | null): string {
  if (!t) return 'non indicati';
  return `${t.text} (${timingMeaning(t)})`;
}

/** The timing as a mark on a timeline of the plan's years. */
export function timingMark(t: TimingJson | null, startYear: number, endYear: number): TimelineMark {
  if (!t) return { kind: 'undated' };
  const first = t.years[0];
  const last = t.years[t.years.length - 1];
  switch (t.kind) {
    case 'date':
    case 'by':
      return t.due ? { kind: 'deadline', date: t.due } : { kind: 'undated' };
    case 'year':
    case 'period': {
      const start = t.start ?? (first !== undefined ? `${first}-01-01` : null);
      const end = t.due ?? (last !== undefined ? `${last}-12-31` : null);
      return start && end ? { kind: 'span', start, end } : { kind: 'undated' };
    }
    case 'from':
      return t.start ? { kind: 'open', start: t.start } : { kind: 'undated' };
    case 'immediate':
      return { kind: 'open', start: `${startYear}-01-01` };
    case 'recurring': {
      const r = t.recurrence;
      if (!r) return { kind: 'undated' };
      const dates: string[] = [];
      for (let y = startYear; y <= endYear; y += 1)
        dates.push(`${y}-${pad(r.month)}-${pad(r.day)}`);
      return { kind: 'recurring', dates };
    }
    case 'unresolved':
      return { kind: 'undated' };
  }
}

/** The plan years an action touches, for the summary grid's X marks. */
export function timingYears(t: TimingJson | null, startYear: number, endYear: number): number[] {
  if (!t) return [];
  if (t.kind === 'immediate') return [];
  return t.years.filter((y) => y >= startYear && y <= endYear);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Totals by funding source, in the order sources first appear; amounts summed in cents. */
export function spendingBySource(doc: PlanDocument): { source: string; amount: number }[] {
  const totals = new Map<string, number>();
  for (const s of doc.spending) {
    totals.set(s.fundingSource, (totals.get(s.fundingSource) ?? 0) + cents(s.amount));
  }
  return [...totals].map(([source, c]) => ({ source, amount: c / 100 }));
}

export function spendingTotal(doc: PlanDocument): number {
  return doc.spending.reduce((t, s) => t + cents(s.amount), 0) / 100;
}

/** Money is summed as integer cents so totals never drift by floating-point error. */
export const cents = (euros: number) => Math.round(euros * 100);

/** The value a target asks for: itself, or computed from the baseline when relative. */
export function targetValue(indicator: Indicator, target: Target): number | null {
  if (target.kind === 'absolute') return target.value;
  const base = indicator.baseline?.value;
  if (base === undefined) return null;
  if (target.kind === 'relative_percent')
    return Math.round(base * (1 + target.value / 100) * 100) / 100;
  return base + target.value;
}

/** "+40% rispetto al 2024 (8.568 accessi)" */
export function targetText(indicator: Indicator, target: Target): string {
  const value = targetValue(indicator, target);
  const unit = indicator.unit ? ` ${indicator.unit}` : '';
  const computed = value === null ? '' : `${formatNumber(value)}${unit}`;
  if (target.text) {
    return target.kind === 'absolute' || value === null
      ? target.text
      : `${target.text} (${computed})`;
  }
  if (value === null)
    return `${target.kind === 'relative_percent' ? '+' : 'Δ '}${formatNumber(target.value)}`;
  return computed;
}

export function baselineText(indicator: Indicator): string {
  const b = indicator.baseline;
  if (!b) return '—';
  const unit = indicator.unit ? ` ${indicator.unit}` : '';
  const date = b.date ? ` al ${formatShort(b.date)}` : '';
  return `${formatNumber(b.value)}${unit}${date}`;
}

/** The latest measurement taken on or before `date` (any date when absent). */
export function latestMeasurement(indicator: Indicator, date?: string): Measurement | undefined {
  let latest: Measurement | undefined;
  for (const m of indicator.measurements) {
    if (date && m.date > date) continue;
    if (!latest || m.date >= latest.date) latest = m;
  }
  return latest;
}

export function measurementText(indicator: Indicator, m: Measurement | undefined): string {
  if (!m) return 'nessuna rilevazione';
  const unit = indicator.unit ? ` ${indicator.unit}` : '';
  return `${formatNumber(m.value)}${unit} al ${formatShort(m.date)}${m.note ? ` (${m.note})` : ''}`;
}

const formatShort = (iso: string) => iso.split('-').reverse().join('/');

/** Line of action codes with their titles when the catalog knows them. */
export function catalogText(codes: string[], lookupTitle?: LookupTitle): string[] {
  return codes.map((code) => {
    const title = lookupTitle?.(code);
    return title ? `${code} – ${title}` : code;
  });
}

export function pnrrText(measures: string[]): string[] {
  return measures.map((m) => (PNRR_MEASURES[m] ? `M1C1 ${m} – ${PNRR_MEASURES[m]}` : `M1C1 ${m}`));
}
