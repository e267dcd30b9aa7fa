/**
 * Facts derived from a plan document that several outputs share: who is responsible for an
 * action, what its timing means, the spending totals, indicator targets. Derived, never stored:
 * the plan document stays the only source.
 */
import type { Action } from '../domain/model/action.js';
import type { PlanDiff } from '../domain/rules/plan-diff.js';
import type { Indicator, Measurement, Target } from '../domain/model/indicator.js';
import type { PlanDocument } from '../domain/model/interchange.js';
import type { Priority } from '../domain/model/priority.js';
import type { TimingJson } from '../domain/model/timing.js';
import type { TimelineMark } from './charts.js';
import { formatFor } from './format.js';
import { labelsFor, type DocumentLang } from './labels.js';

/** Optional title of a national catalog code (CAP4.PA.01 → its line of action), when known. */
export type LookupTitle = (code: string) => string | undefined;

/** PNRR Mission 1 Component 1 measures that fund comuni, in short Italian names. */
export const PNRR_MEASURES: Record<string, string> = labelsFor('it').pnrrMeasure;

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
export function priorityTitle(p: Priority, index: number, lang: DocumentLang = 'it'): string {
  return labelsFor(lang).priorityTitle(p.code ?? String(index + 1), p.title);
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

/** What the timing's words mean: "scadenza: 30 giugno 2026", "deadline: 30 June 2026". */
export function timingMeaning(t: TimingJson, lang: DocumentLang = 'it'): string {
  const l = labelsFor(lang);
  const date = formatFor(lang).date;
  switch (t.kind) {
    case 'date':
    case 'by':
      return t.due ? l.deadline(date(t.due)) : l.deadlineUndatable;
    case 'year':
    case 'period':
      if (t.start && t.due) return l.fromTo(date(t.start), date(t.due));
      if (t.due) return l.until(date(t.due));
      return t.years.length > 0 ? l.years(t.years.join(', ')) : l.periodUndatable;
    case 'from':
      return t.start ? l.fromNoEnd(date(t.start)) : l.noEnd;
    case 'immediate':
      return l.immediate;
    case 'recurring':
      return t.recurrence
        ? l.everyYearBy(formatFor(lang).dayMonth(t.recurrence.day, t.recurrence.month))
        : l.recurring;
    case 'unresolved':
      return l.unresolved;
  }
}

/**
 * The plan's own words with what they mean: "entro giugno 2026 (scadenza: 30 giugno 2026)";
 * in English the words stay the plan's: "entro giugno 2026 (deadline: 30 June 2026)".
 */
export function timingText(t: TimingJson | null, lang: DocumentLang = 'it'): string {
  if (!t) return labelsFor(lang).timingNotStated;
  return `${t.text} (${timingMeaning(t, lang)})`;
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

/** Totals by PNRR measure, for the items funded by one, in the order measures first appear. */
export function spendingByMeasure(doc: PlanDocument): { measure: string; amount: number }[] {
  const totals = new Map<string, number>();
  for (const s of doc.spending) {
    if (s.pnrrMeasure) {
      totals.set(s.pnrrMeasure, (totals.get(s.pnrrMeasure) ?? 0) + cents(s.amount));
    }
  }
  return [...totals].map(([measure, c]) => ({ measure, amount: c / 100 }));
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
export function targetText(
  indicator: Indicator,
  target: Target,
  lang: DocumentLang = 'it',
): string {
  const formatNumber = formatFor(lang).number;
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

export function baselineText(indicator: Indicator, lang: DocumentLang = 'it'): string {
  const b = indicator.baseline;
  if (!b) return '—';
  const f = formatFor(lang);
  const unit = indicator.unit ? ` ${indicator.unit}` : '';
  const date = b.date ? labelsFor(lang).asOf(f.shortDate(b.date)) : '';
  return `${f.number(b.value)}${unit}${date}`;
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

export function measurementText(
  indicator: Indicator,
  m: Measurement | undefined,
  lang: DocumentLang = 'it',
): string {
  const l = labelsFor(lang);
  if (!m) return l.noMeasurement;
  const f = formatFor(lang);
  const unit = indicator.unit ? ` ${indicator.unit}` : '';
  return `${f.number(m.value)}${unit}${l.asOf(f.shortDate(m.date))}${m.note ? ` (${m.note})` : ''}`;
}

/** Line of action codes with their titles when the catalog knows them. */
export function catalogText(codes: string[], lookupTitle?: LookupTitle): string[] {
  return codes.map((code) => {
    const title = lookupTitle?.(code);
    return title ? `${code} – ${title}` : code;
  });
}

export function pnrrText(measures: string[], lang: DocumentLang = 'it'): string[] {
  const names = labelsFor(lang).pnrrMeasure;
  return measures.map((m) => (names[m] ? `M1C1 ${m} – ${names[m]}` : `M1C1 ${m}`));
}

/**
 * What changed from the previous revision, one sentence per change (actions added, removed and
 * changed, deadlines moved, targets changed, platforms whose status changed): the plan
 * document's chapter and the back office say it in the same words.
 */
export function revisionChangeLines(diff: PlanDiff, lang: DocumentLang): string[] {
  const L = labelsFor(lang);
  const f = formatFor(lang);
  const day = (iso: string | null) => (iso ? f.date(iso) : '—');
  const status = (s: string | null) =>
    s ? ((L.platformStatus as Record<string, string>)[s] ?? s) : '—';
  return [
    ...diff.actions.added.map((a) => L.actionAdded(a.title)),
    ...diff.actions.removed.map((a) => L.actionRemoved(a.title)),
    ...diff.actions.changed.map((a) =>
      L.actionChanged(a.title, a.fields.map((x) => x.field).join(', ')),
    ),
    ...diff.deadlinesMoved.map((m) => L.deadlineMoved(m.title, day(m.from), day(m.to))),
    ...diff.targetsChanged.map((t) => L.targetsChanged(t.name)),
    ...diff.platformsChanged.map((p) =>
      L.platformChanged(p.platform, status(p.before), status(p.after)),
    ),
  ];
}
