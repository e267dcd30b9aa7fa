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
import {
  ACTION_STATUS_LABELS,
  PLATFORM_STATUS_LABELS,
  SPENDING_STATUS_LABELS,
  formatAct,
  formatDate,
  formatEuro,
  formatNumber,
  formatPercent,
  formatPeriod,
  formatShortDate,
} from './format.js';
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

const OUTCOME_LABELS: Record<IndicatorFacts['outcome'], string> = {
  reached: 'Target raggiunto',
  not_reached: 'Non ancora raggiunto',
  no_measurement: 'Nessuna rilevazione',
  no_target: 'Target non definito',
};

export function buildReportOutline(doc: PlanDocument, options: ReportOptions): DocumentOutline {
  const { date } = options;
  const { organization: org, plan } = doc;
  const facts = monitoringFacts(doc, date);
  const units = unitNames(doc);
  const out = new OutlineBuilder();
  const period = formatPeriod(plan.startYear, plan.endYear);
  const when = formatDate(date);
  let chapter = 0;
  const h1 = (title: string, id: string) => out.heading(1, `${++chapter}. ${title}`, id);
  const item = (d: DueItem) =>
    d.micro ? `${actionTitle(d.action)} – micro azione: ${d.micro.title}` : actionTitle(d.action);
  const statusOf = (d: DueItem) => {
    const s = d.micro ? d.micro.status : d.action.status;
    return d.micro
      ? ACTION_STATUS_LABELS[s]
      : `${ACTION_STATUS_LABELS[s]}, ${formatPercent(d.action.progress)}`;
  };

  // 1. Summary.
  h1('Sintesi', 'sintesi');
  const c = facts.counts;
  const total = doc.actions.length;
  out.paragraph(
    `Al ${when} le ${formatNumber(total)} azioni del piano risultano così: ${formatNumber(c.completed)} completate, ${formatNumber(c.in_progress)} in corso, ${formatNumber(c.planned)} da avviare, ${formatNumber(c.suspended)} sospese e ${formatNumber(c.cancelled)} annullate. L’avanzamento medio delle azioni non annullate è del ${formatPercent(facts.averageProgress)}.`,
  );
  out.paragraph(
    `Scadenze superate senza che l’azione sia completata: ${formatNumber(facts.overdue.length)}. Scadenze nei prossimi ${UPCOMING_DAYS} giorni: ${formatNumber(facts.upcoming.length)}. Indicatori che hanno raggiunto il target: ${formatNumber(facts.indicators.filter((i) => i.outcome === 'reached').length)} su ${formatNumber(facts.indicators.length)}.`,
  );
  const statuses = Object.keys(ACTION_STATUS_LABELS) as ActionStatus[];
  out.table({
    caption: 'Azioni per stato e priorità',
    columns: [
      { header: 'Priorità', weight: 4.6 },
      ...statuses.map((s) => ({
        header: ACTION_STATUS_LABELS[s],
        weight: 1.75,
        align: 'right' as const,
      })),
      { header: 'Avanzamento medio', weight: 2, align: 'right' },
    ],
    rowHeaders: true,
    compact: true,
    rows: actionsByPriority(doc).map(({ priority, index, actions }) => {
      const live = actions.filter((a) => a.status !== 'cancelled');
      const avg = live.length ? live.reduce((s, a) => s + a.progress, 0) / live.length : 0;
      return [
        priorityTitle(priority, index),
        ...statuses.map((s) => formatNumber(actions.filter((a) => a.status === s).length)),
        formatPercent(Math.round(avg * 10) / 10),
      ];
    }),
    totals: [
      [
        { text: 'Totale', bold: true },
        ...statuses.map((s) => formatNumber(c[s])),
        formatPercent(facts.averageProgress),
      ],
    ],
  });
  out.chart('grafico-stato', 'Stato delle azioni per priorità', statusChart(doc));

  // 2. Overdue.
  h1('Azioni in ritardo', 'ritardi');
  if (facts.overdue.length === 0) {
    out.paragraph(
      `Al ${when} nessuna azione ha superato la propria scadenza senza essere completata.`,
    );
  } else {
    out.paragraph(
      `Azioni e micro azioni con una scadenza anteriore al ${when} non ancora completate, dalla più in ritardo.`,
    );
    out.table({
      caption: `Azioni in ritardo al ${formatShortDate(date)}`,
      columns: [
        { header: 'Azione', weight: 6 },
        { header: 'Responsabilità', weight: 4 },
        { header: 'Scadenza', weight: 2, align: 'center' },
        { header: 'Giorni di ritardo', weight: 1.8, align: 'right' },
        { header: 'Stato', weight: 2.4 },
      ],
      rowHeaders: true,
      compact: true,
      rows: facts.overdue.map((d) => [
        item(d),
        responsiblesOf(d.micro ?? d.action, units),
        formatShortDate(d.due),
        formatNumber(d.days),
        statusOf(d),
      ]),
    });
  }

  // 3. Upcoming.
  h1(`Scadenze dei prossimi ${UPCOMING_DAYS} giorni`, 'scadenze');
  if (facts.upcoming.length === 0) {
    out.paragraph(`Nessuna scadenza nei ${UPCOMING_DAYS} giorni successivi al ${when}.`);
  } else {
    out.table({
      caption: `Scadenze dal ${formatShortDate(date)} nei ${UPCOMING_DAYS} giorni successivi`,
      columns: [
        { header: 'Azione', weight: 6 },
        { header: 'Responsabilità', weight: 4 },
        { header: 'Scadenza', weight: 2, align: 'center' },
        { header: 'Giorni', weight: 1.5, align: 'right' },
        { header: 'Stato', weight: 2.4 },
      ],
      rowHeaders: true,
      compact: true,
      rows: facts.upcoming.map((d) => [
        item(d),
        responsiblesOf(d.micro ?? d.action, units),
        formatShortDate(d.due),
        formatNumber(d.days),
        statusOf(d),
      ]),
    });
  }

  // 4. Every action.
  h1('Stato di attuazione delle azioni', 'azioni');
  const overdueIds = new Set(facts.overdue.filter((d) => !d.micro).map((d) => d.action.id));
  for (const { priority, index, actions } of actionsByPriority(doc)) {
    out.heading(2, priorityTitle(priority, index), `priorita-${priority.id}`);
    if (actions.length === 0) {
      out.paragraph('Nessuna azione per questa priorità.');
      continue;
    }
    out.table({
      caption: `Azioni della priorità ${priority.code ?? index + 1}`,
      columns: [
        { header: 'Azione', weight: 6 },
        { header: 'Responsabilità', weight: 4 },
        { header: 'Tempi', weight: 3.5 },
        { header: 'Stato', weight: 2.2 },
        { header: 'Avanz.', weight: 1.4, align: 'right' },
      ],
      rowHeaders: true,
      compact: true,
      rows: actions.map((a) => [
        actionTitle(a),
        responsiblesOf(a, units),
        a.timing
          ? `${a.timing.text}${a.timing.due ? ` (${formatShortDate(a.timing.due)})` : ''}`
          : '—',
        `${ACTION_STATUS_LABELS[a.status]}${overdueIds.has(a.id) ? ' – in ritardo' : ''}`,
        formatPercent(a.progress),
      ]),
    });
  }
  const timelines = timelineCharts(doc, date);
  for (const [i, chart] of timelines.entries()) {
    const part = timelines.length > 1 ? ` (${i + 1} di ${timelines.length})` : '';
    out.chart(`grafico-cronoprogramma-${i + 1}`, `Cronoprogramma e data del report${part}`, chart);
  }

  // 5. Indicators.
  h1('Indicatori rispetto ai target', 'indicatori');
  if (facts.indicators.length === 0) {
    out.paragraph('Il piano non definisce indicatori.');
  } else {
    out.paragraph(
      `Per ogni indicatore: il target dell’anno del report (o il primo successivo), l’ultima rilevazione disponibile al ${when} e la quota del percorso dalla baseline al target già compiuta.`,
    );
    out.table({
      caption: `Indicatori al ${formatShortDate(date)}`,
      columns: [
        { header: 'Indicatore', weight: 5 },
        { header: 'Baseline', weight: 2.6 },
        { header: 'Target', weight: 2.2, align: 'right' },
        { header: 'Ultima rilevazione', weight: 3.4 },
        { header: 'Percorso', weight: 1.6, align: 'right' },
        { header: 'Esito', weight: 2.2 },
      ],
      rowHeaders: true,
      compact: true,
      rows: facts.indicators.map((f) => {
        const unit = f.indicator.unit ? ` ${f.indicator.unit}` : '';
        return [
          `${f.indicator.code ? `${f.indicator.code} ` : ''}${f.indicator.name}`,
          baselineText(f.indicator),
          f.target !== null ? `${formatNumber(f.target)}${unit} (${f.targetYear})` : '—',
          measurementText(f.indicator, f.latest),
          f.achievement !== null ? formatPercent(f.achievement) : '—',
          OUTCOME_LABELS[f.outcome],
        ];
      }),
    });
  }

  // 6. Spending by status.
  h1('Spesa per stato', 'spesa');
  if (facts.spending.length === 0) {
    out.paragraph('Il piano non prevede voci di spesa.');
  } else {
    const sum = (k: 'planned' | 'committed' | 'paid' | 'total') =>
      facts.spending.reduce((s, r) => s + cents(r[k]), 0) / 100;
    out.paragraph(
      `Dei ${formatEuro(sum('total'))} del piano, ${formatEuro(sum('paid'))} risultano liquidati, ${formatEuro(sum('committed'))} impegnati e ${formatEuro(sum('planned'))} ancora previsti.`,
    );
    out.table({
      caption: 'Spesa per provenienza dei fondi e stato',
      columns: [
        { header: 'Provenienza fondi', weight: 5 },
        { header: SPENDING_STATUS_LABELS.planned, weight: 2.6, align: 'right' },
        { header: SPENDING_STATUS_LABELS.committed, weight: 2.6, align: 'right' },
        { header: SPENDING_STATUS_LABELS.paid, weight: 2.6, align: 'right' },
        { header: 'Totale', weight: 2.8, align: 'right' },
      ],
      rowHeaders: true,
      compact: true,
      rows: facts.spending.map((r) => [
        r.source,
        formatEuro(r.planned),
        formatEuro(r.committed),
        formatEuro(r.paid),
        formatEuro(r.total),
      ]),
      totals: [
        [
          { text: 'Totale', bold: true },
          formatEuro(sum('planned')),
          formatEuro(sum('committed')),
          formatEuro(sum('paid')),
          formatEuro(sum('total')),
        ],
      ],
    });
    out.chart(
      'grafico-spesa-stato',
      'La spesa per stato e provenienza dei fondi',
      spendingStatusChart(facts),
    );
  }

  // 7. Platforms.
  const pending = doc.platforms.filter((p) => p.status === 'in_progress' || p.status === 'planned');
  h1('Adesione alle piattaforme nazionali', 'piattaforme');
  const adopted = doc.platforms.filter((p) => p.status === 'adopted').length;
  out.paragraph(
    `Piattaforme adottate: ${formatNumber(adopted)} su ${formatNumber(doc.platforms.length)}; in corso o previste: ${formatNumber(pending.length)}.`,
  );
  if (pending.length > 0) {
    out.table({
      caption: 'Adesioni in corso o previste',
      columns: [
        { header: 'Piattaforma', weight: 3 },
        { header: 'Adesione', weight: 2 },
        { header: 'Scadenza', weight: 2, align: 'center' },
        { header: 'Settore', weight: 4 },
        { header: 'Note', weight: 5 },
      ],
      rowHeaders: true,
      compact: true,
      rows: pending.map((p) => [
        p.platform,
        `${PLATFORM_STATUS_LABELS[p.status] ?? p.status}${p.due && p.due < date ? ' – scaduta' : ''}`,
        p.due ? formatShortDate(p.due) : '—',
        p.unitText ?? (p.unitId ? (units.get(p.unitId) ?? p.unitId) : '—'),
        p.notes ?? '',
      ]),
    });
  }

  const title = `Stato di attuazione del piano triennale per l’informatica ${period}`;
  return {
    lang: 'it-IT',
    title,
    subject: `${title} al ${when} – ${org.name}`,
    author: org.name,
    keywords: [
      'stato di attuazione',
      'monitoraggio',
      'piano triennale per l’informatica',
      org.name,
    ],
    header: org.name,
    cover: {
      organization: org.name,
      organizationDetails: organizationDetails(doc),
      title,
      period: `Situazione al ${when}`,
      details: [
        `${plan.title}${plan.revisionLabel ? ` – ${plan.revisionLabel}` : ''}`,
        ...(plan.approval ? [`Piano approvato con ${formatAct(plan.approval)}`] : []),
      ],
    },
    tocTitle: 'Sommario',
    blocks: out.blocks,
  };
}

function spendingStatusChart(facts: MonitoringFacts): ChartSpec {
  const keys = ['paid', 'committed', 'planned'] as const;
  const colors = { paid: COLORS.completed, committed: COLORS.primary, planned: COLORS.planned };
  return {
    type: 'stacked',
    unit: 'euro',
    description: `Spesa per provenienza dei fondi e stato: ${facts.spending
      .map(
        (r) =>
          `${r.source}: ${keys.map((k) => `${SPENDING_STATUS_LABELS[k].toLowerCase()} ${formatEuro(r[k])}`).join(', ')}`,
      )
      .join('; ')}.`,
    categories: keys.map((k) => ({ key: k, label: SPENDING_STATUS_LABELS[k], color: colors[k] })),
    rows: facts.spending.map((r) => ({
      label: r.source,
      values: { paid: r.paid, committed: r.committed, planned: r.planned },
    })),
  };
}
