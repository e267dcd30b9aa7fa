/**
 * The monitoring report (stato di attuazione) of a plan at a date: the status and progress of
 * every action, what is overdue and what falls due in the next 90 days, indicators against the
 * year's targets with the latest measurement taken by that date, and spending by status.
 * monitoringFacts() computes the figures; buildReportOutline() writes them as an outline that
 * the same renderers turn into DOCX, PDF and HTML.
 */
import type { Action, ActionStatus, MicroAction } from '../domain/model/action.js';
import type { Indicator, Measurement } from '../domain/model/indicator.js';
import type { PlanDocument } from '../domain/model/interchange.js';
import type { TimingJson } from '../domain/model/timing.js';
import { COLORS, type ChartSpec } from './charts.js';
import { formatFor } from './format.js';
import { LANG_TAGS, labelsFor, type DocumentLang } from './labels.js';
import { OutlineBuilder, type DocumentOutline } from './outline.js';
import {
  actionTitle,
  actionsByPriority,
  baselineText,
  cents,
  latestMeasurement,
  measurementText,
  priorityTitle,
  responsiblesOf,
  targetValue,
  unitNames,
  type LookupTitle,
} from './plan-facts.js';
import { organizationDetails, statusChart, timelineCharts } from './plan-outline.js';

export interface ReportOptions {
  /** ISO date (YYYY-MM-DD) the report describes. */
  date: string;
  lookupTitle?: LookupTitle | undefined;
  /** The language of the report's frame (headings, labels, formats); Italian when absent. */
  lang?: DocumentLang | undefined;
}

const OPEN: ActionStatus[] = ['planned', 'in_progress', 'suspended'];
const UPCOMING_DAYS = 90;

export interface DueItem {
  /** The action, or the action a micro-action belongs to. */
  action: Action;
  micro: MicroAction | null;
  due: string;
  /** Days past the due date (overdue) or until it (upcoming). */
  days: number;
}

export interface IndicatorFacts {
  indicator: Indicator;
  targetYear: number | null;
  target: number | null;
  latest: Measurement | undefined;
  /** Share of the way from baseline to target covered by the latest measurement, in percent. */
  achievement: number | null;
  outcome: 'reached' | 'not_reached' | 'no_measurement' | 'no_target';
}

export interface MonitoringFacts {
  date: string;
  counts: Record<ActionStatus, number>;
  averageProgress: number;
  overdue: DueItem[];
  upcoming: DueItem[];
  indicators: IndicatorFacts[];
  /** Euros by funding source and spending status. */
  spending: { source: string; planned: number; committed: number; paid: number; total: number }[];
}

export function monitoringFacts(doc: PlanDocument, date: string): MonitoringFacts {
  const counts: Record<ActionStatus, number> = {
    planned: 0,
    in_progress: 0,
    completed: 0,
    suspended: 0,
    cancelled: 0,
  };
  for (const a of doc.actions) counts[a.status] += 1;
  const active = doc.actions.filter((a) => a.status !== 'cancelled');
  const averageProgress = active.length
    ? Math.round((active.reduce((s, a) => s + a.progress, 0) / active.length) * 10) / 10
    : 0;

  const overdue: DueItem[] = [];
  const upcoming: DueItem[] = [];
  const consider = (
    action: Action,
    micro: MicroAction | null,
    status: ActionStatus,
    timing: TimingJson | null,
  ) => {
    if (!OPEN.includes(status)) return;
    for (const due of dueDates(timing, date)) {
      const days = daysBetween(date, due);
      if (days < 0) overdue.push({ action, micro, due, days: -days });
      else if (days <= UPCOMING_DAYS) upcoming.push({ action, micro, due, days });
    }
  };
  for (const a of doc.actions) {
    consider(a, null, a.status, a.timing);
    for (const m of a.microActions) consider(a, m, m.status, m.timing);
  }
  overdue.sort((x, y) => y.days - x.days);
  upcoming.sort((x, y) => x.days - y.days);

  const year = Number(date.slice(0, 4));
  const indicators = doc.indicators.map((indicator): IndicatorFacts => {
    const target =
      indicator.targets.find((t) => t.year === year) ??
      [...indicator.targets].sort((a, b) => a.year - b.year).find((t) => t.year > year) ??
      [...indicator.targets].sort((a, b) => b.year - a.year)[0];
    const latest = latestMeasurement(indicator, date);
    const value = target ? targetValue(indicator, target) : null;
    if (!target || value === null) {
      return {
        indicator,
        targetYear: target?.year ?? null,
        target: null,
        latest,
        achievement: null,
        outcome: latest ? 'no_target' : 'no_measurement',
      };
    }
    if (!latest) {
      return {
        indicator,
        targetYear: target.year,
        target: value,
        latest,
        achievement: null,
        outcome: 'no_measurement',
      };
    }
    const base = indicator.baseline?.value ?? 0;
    const span = value - base;
    const achievement =
      span === 0
        ? latest.value === value
          ? 100
          : null
        : Math.round(((latest.value - base) / span) * 1000) / 10;
    const reached =
      indicator.direction === 'decrease' ? latest.value <= value : latest.value >= value;
    return {
      indicator,
      targetYear: target.year,
      target: value,
      latest,
      achievement,
      outcome: reached ? 'reached' : 'not_reached',
    };
  });

  const bySource = new Map<string, { planned: number; committed: number; paid: number }>();
  for (const s of doc.spending) {
    const row = bySource.get(s.fundingSource) ?? { planned: 0, committed: 0, paid: 0 };
    row[s.status] += cents(s.amount);
    bySource.set(s.fundingSource, row);
  }
  const spending = [...bySource].map(([source, r]) => ({
    source,
    planned: r.planned / 100,
    committed: r.committed / 100,
    paid: r.paid / 100,
    total: (r.planned + r.committed + r.paid) / 100,
  }));
  return { date, counts, averageProgress, overdue, upcoming, indicators, spending };
}

/** Deadlines a timing sets: its due date, or every yearly occurrence up to a year after `date`. */
function dueDates(t: TimingJson | null, date: string): string[] {
  if (!t) return [];
  if (t.kind === 'recurring' && t.recurrence) {
    // The occurrence of the report's year only: earlier ones cannot be judged from one status.
    const y = Number(date.slice(0, 4));
    const pad = (n: number) => String(n).padStart(2, '0');
    const occurrence = `${y}-${pad(t.recurrence.month)}-${pad(t.recurrence.day)}`;
    return occurrence >= date
      ? [occurrence]
      : [`${y + 1}-${pad(t.recurrence.month)}-${pad(t.recurrence.day)}`];
  }
  if (t.kind === 'from' || t.kind === 'immediate' || t.kind === 'unresolved') return [];
  return t.due ? [t.due] : [];
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function buildReportOutline(doc: PlanDocument, options: ReportOptions): DocumentOutline {
  const { date } = options;
  const lang = options.lang ?? 'it';
  const L = labelsFor(lang);
  const f = formatFor(lang);
  const { organization: org, plan } = doc;
  const facts = monitoringFacts(doc, date);
  const units = unitNames(doc);
  const out = new OutlineBuilder();
  const period = f.period(plan.startYear, plan.endYear);
  const when = f.date(date);
  let chapter = 0;
  const h1 = (title: string, id: string) => out.heading(1, `${++chapter}. ${title}`, id);
  const item = (d: DueItem) =>
    d.micro ? L.microActionOf(actionTitle(d.action), d.micro.title) : actionTitle(d.action);
  const statusOf = (d: DueItem) => {
    const s = d.micro ? d.micro.status : d.action.status;
    return d.micro ? L.actionStatus[s] : `${L.actionStatus[s]}, ${f.percent(d.action.progress)}`;
  };

  // 1. Summary.
  h1(L.reportSummary, 'sintesi');
  const c = facts.counts;
  const total = doc.actions.length;
  out.paragraph(
    L.reportCounts(
      when,
      f.number(total),
      {
        completed: f.number(c.completed),
        inProgress: f.number(c.in_progress),
        planned: f.number(c.planned),
        suspended: f.number(c.suspended),
      },
      f.number(c.cancelled),
      f.percent(facts.averageProgress),
    ),
  );
  out.paragraph(
    L.reportDeadlines(
      f.number(facts.overdue.length),
      UPCOMING_DAYS,
      f.number(facts.upcoming.length),
      f.number(facts.indicators.filter((i) => i.outcome === 'reached').length),
      f.number(facts.indicators.length),
    ),
  );
  const statuses = Object.keys(L.actionStatus) as ActionStatus[];
  out.table({
    caption: L.byStatusCaption,
    columns: [
      { header: L.priority, weight: 4.6 },
      ...statuses.map((s) => ({
        header: L.actionStatus[s],
        weight: 1.75,
        align: 'right' as const,
      })),
      { header: L.averageProgress, weight: 2, align: 'right' },
    ],
    rowHeaders: true,
    compact: true,
    rows: actionsByPriority(doc).map(({ priority, index, actions }) => {
      const live = actions.filter((a) => a.status !== 'cancelled');
      const avg = live.length ? live.reduce((s, a) => s + a.progress, 0) / live.length : 0;
      return [
        priorityTitle(priority, index, lang),
        ...statuses.map((s) => f.number(actions.filter((a) => a.status === s).length)),
        f.percent(Math.round(avg * 10) / 10),
      ];
    }),
    totals: [
      [
        { text: L.total, bold: true },
        ...statuses.map((s) => f.number(c[s])),
        f.percent(facts.averageProgress),
      ],
    ],
  });
  out.chart('grafico-stato', L.statusChartCaption, statusChart(doc, lang));

  /** Overdue or upcoming deadlines: the same table, with the days late or to go. */
  const deadlineTable = (
    caption: string,
    days: { header: string; weight: number },
    deadlines: typeof facts.overdue,
  ) =>
    out.table({
      caption,
      columns: [
        { header: L.action, weight: 6 },
        { header: L.responsibility, weight: 4 },
        { header: L.due, weight: 2, align: 'center' },
        { ...days, align: 'right' },
        { header: L.status, weight: 2.4 },
      ],
      rowHeaders: true,
      compact: true,
      rows: deadlines.map((d) => [
        item(d),
        responsiblesOf(d.micro ?? d.action, units),
        f.shortDate(d.due),
        f.number(d.days),
        statusOf(d),
      ]),
    });

  // 2. Overdue.
  h1(L.overdue, 'ritardi');
  if (facts.overdue.length === 0) {
    out.paragraph(L.noOverdue(when));
  } else {
    out.paragraph(L.overdueIntro(when));
    deadlineTable(
      L.overdueCaption(f.shortDate(date)),
      { header: L.daysOverdue, weight: 1.8 },
      facts.overdue,
    );
  }

  // 3. Upcoming.
  h1(L.upcoming(UPCOMING_DAYS), 'scadenze');
  if (facts.upcoming.length === 0) {
    out.paragraph(L.noUpcoming(UPCOMING_DAYS, when));
  } else {
    deadlineTable(
      L.upcomingCaption(f.shortDate(date), UPCOMING_DAYS),
      { header: L.days, weight: 1.5 },
      facts.upcoming,
    );
  }

  // 4. Every action.
  h1(L.actionsStatus, 'azioni');
  const overdueIds = new Set(facts.overdue.filter((d) => !d.micro).map((d) => d.action.id));
  for (const { priority, index, actions } of actionsByPriority(doc)) {
    out.heading(2, priorityTitle(priority, index, lang), `priorita-${priority.id}`);
    if (actions.length === 0) {
      out.paragraph(L.noActions);
      continue;
    }
    out.table({
      caption: L.priorityActionsCaption(priority.code ?? String(index + 1)),
      columns: [
        { header: L.action, weight: 6 },
        { header: L.responsibility, weight: 4 },
        { header: L.timing, weight: 3.5 },
        { header: L.status, weight: 2.2 },
        { header: L.progressShort, weight: 1.4, align: 'right' },
      ],
      rowHeaders: true,
      compact: true,
      rows: actions.map((a) => [
        actionTitle(a),
        responsiblesOf(a, units),
        a.timing ? `${a.timing.text}${a.timing.due ? ` (${f.shortDate(a.timing.due)})` : ''}` : '—',
        `${L.actionStatus[a.status]}${overdueIds.has(a.id) ? L.late : ''}`,
        f.percent(a.progress),
      ]),
    });
  }
  const timelines = timelineCharts(doc, date, lang);
  for (const [i, chart] of timelines.entries()) {
    const part = timelines.length > 1 ? L.partOf(i + 1, timelines.length) : '';
    out.chart(`grafico-cronoprogramma-${i + 1}`, `${L.reportTimelineCaption}${part}`, chart);
  }

  // 5. Indicators.
  h1(L.indicatorsVsTargets, 'indicatori');
  if (facts.indicators.length === 0) {
    out.paragraph(L.noIndicators);
  } else {
    out.paragraph(L.indicatorsIntro(when));
    out.table({
      caption: L.indicatorsAt(f.shortDate(date)),
      columns: [
        { header: L.indicator, weight: 5 },
        { header: L.baseline, weight: 2.6 },
        { header: L.target, weight: 2.2, align: 'right' },
        { header: L.latestMeasurement, weight: 3.4 },
        { header: L.way, weight: 1.6, align: 'right' },
        { header: L.outcomeHeader, weight: 2.2 },
      ],
      rowHeaders: true,
      compact: true,
      rows: facts.indicators.map((i) => {
        const unit = i.indicator.unit ? ` ${i.indicator.unit}` : '';
        return [
          `${i.indicator.code ? `${i.indicator.code} ` : ''}${i.indicator.name}`,
          baselineText(i.indicator, lang),
          i.target !== null ? `${f.number(i.target)}${unit} (${i.targetYear})` : '—',
          measurementText(i.indicator, i.latest, lang),
          i.achievement !== null ? f.percent(i.achievement) : '—',
          L.outcome[i.outcome],
        ];
      }),
    });
  }

  // 6. Spending by status.
  h1(L.spendingByStatus, 'spesa');
  if (facts.spending.length === 0) {
    out.paragraph(L.noSpending);
  } else {
    const sum = (k: 'planned' | 'committed' | 'paid' | 'total') =>
      facts.spending.reduce((s, r) => s + cents(r[k]), 0) / 100;
    out.paragraph(
      L.spendingStatusIntro(
        f.euro(sum('total')),
        f.euro(sum('paid')),
        f.euro(sum('committed')),
        f.euro(sum('planned')),
      ),
    );
    out.table({
      caption: L.spendingStatusCaption,
      columns: [
        { header: L.fundingSource, weight: 5 },
        { header: L.spendingStatus.planned, weight: 2.6, align: 'right' },
        { header: L.spendingStatus.committed, weight: 2.6, align: 'right' },
        { header: L.spendingStatus.paid, weight: 2.6, align: 'right' },
        { header: L.total, weight: 2.8, align: 'right' },
      ],
      rowHeaders: true,
      compact: true,
      rows: facts.spending.map((r) => [
        r.source,
        f.euro(r.planned),
        f.euro(r.committed),
        f.euro(r.paid),
        f.euro(r.total),
      ]),
      totals: [
        [
          { text: L.total, bold: true },
          f.euro(sum('planned')),
          f.euro(sum('committed')),
          f.euro(sum('paid')),
          f.euro(sum('total')),
        ],
      ],
    });
    out.chart(
      'grafico-spesa-stato',
      L.spendingStatusChartCaption,
      spendingStatusChart(facts, lang),
    );
  }

  // 7. Platforms.
  const pending = doc.platforms.filter((p) => p.status === 'in_progress' || p.status === 'planned');
  h1(L.platforms, 'piattaforme');
  const adopted = doc.platforms.filter((p) => p.status === 'adopted').length;
  out.paragraph(
    L.platformsSummary(f.number(adopted), f.number(doc.platforms.length), f.number(pending.length)),
  );
  if (pending.length > 0) {
    out.table({
      caption: L.pendingPlatformsCaption,
      columns: [
        { header: L.platform, weight: 3 },
        { header: L.adoption, weight: 2 },
        { header: L.due, weight: 2, align: 'center' },
        { header: L.unit, weight: 4 },
        { header: L.notes, weight: 5 },
      ],
      rowHeaders: true,
      compact: true,
      rows: pending.map((p) => [
        p.platform,
        `${L.platformStatus[p.status] ?? p.status}${p.due && p.due < date ? L.pastDue : ''}`,
        p.due ? f.shortDate(p.due) : '—',
        p.unitText ?? (p.unitId ? (units.get(p.unitId) ?? p.unitId) : '—'),
        p.notes ?? '',
      ]),
    });
  }

  const title = L.reportTitle(period);
  return {
    lang: LANG_TAGS[lang],
    title,
    subject: L.reportSubject(title, when, org.name),
    author: org.name,
    keywords: [...L.reportKeywords, org.name],
    header: org.name,
    cover: {
      organization: org.name,
      organizationDetails: organizationDetails(doc, lang),
      title,
      period: L.reportPeriod(when),
      details: [
        `${plan.title}${plan.revisionLabel ? ` – ${plan.revisionLabel}` : ''}`,
        ...(plan.approval ? [L.planApprovedBy(f.act(plan.approval))] : []),
      ],
    },
    tocTitle: L.contents,
    blocks: out.blocks,
  };
}

function spendingStatusChart(facts: MonitoringFacts, lang: DocumentLang): ChartSpec {
  const L = labelsFor(lang);
  const euro = formatFor(lang).euro;
  const keys = ['paid', 'committed', 'planned'] as const;
  const colors = { paid: COLORS.completed, committed: COLORS.primary, planned: COLORS.planned };
  return {
    type: 'stacked',
    lang,
    unit: 'euro',
    description: L.spendingStatusChartAlt(
      facts.spending
        .map(
          (r) =>
            `${r.source}: ${keys.map((k) => `${L.spendingStatus[k].toLowerCase()} ${euro(r[k])}`).join(', ')}`,
        )
        .join('; '),
    ),
    categories: keys.map((k) => ({ key: k, label: L.spendingStatus[k], color: colors[k] })),
    rows: facts.spending.map((r) => ({
      label: r.source,
      values: { paid: r.paid, committed: r.committed, planned: r.planned },
    })),
  };
}
