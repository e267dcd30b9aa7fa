/**
 * The plan document's content, in the order hand-made plans use: cover, contents, introduction
 * and normative framework, relations with the other planning instruments, spending, the
 * priorities (state of the art, baseline, actions), the summary of actions by year, indicators,
 * platform adoption, other sections, glossary. Built once from the PlanDocument; every format
 * renders this outline.
 */
import type { PlanDocument } from '../domain/model/interchange.js';
import type { Section } from '../domain/model/plan.js';
import type { ChartSpec, TimelineChart } from './charts.js';
import { COLORS } from './charts.js';
import {
  ACTION_STATUS_LABELS,
  INSTRUMENT_LABELS,
  PLAN_STATUS_LABELS,
  PLATFORM_STATUS_LABELS,
  ROLE_LABELS,
  formatAct,
  formatEuro,
  formatNumber,
  formatPercent,
  formatPeriod,
  formatShortDate,
} from './format.js';
import { OutlineBuilder, type DocumentOutline, type Run } from './outline.js';
import {
  actionTitle,
  actionsByPriority,
  baselineText,
  catalogText,
  latestMeasurement,
  measurementText,
  pnrrText,
  priorityTitle,
  responsiblesOf,
  spendingBySource,
  spendingTotal,
  targetText,
  timingMark,
  timingText,
  timingYears,
  unitNames,
  type LookupTitle,
} from './plan-facts.js';

export interface OutlineOptions {
  /** Title of a national catalog code, when the catalog knows it. */
  lookupTitle?: LookupTitle | undefined;
}

const FRAMEWORK_KINDS: Section['kind'][] = ['introduction', 'principles', 'methodology'];
/** A timeline chart stays readable up to this many rows; longer plans get one chart per group. */
const TIMELINE_ROWS = 50;

export function buildPlanOutline(doc: PlanDocument, options: OutlineOptions = {}): DocumentOutline {
  const { organization: org, plan } = doc;
  const units = unitNames(doc);
  const out = new OutlineBuilder();
  const period = formatPeriod(plan.startYear, plan.endYear);
  let chapter = 0;
  const h1 = (title: string, id: string) => out.heading(1, `${++chapter}. ${title}`, id);

  // 1. Introduction and normative framework.
  h1('Introduzione e quadro normativo', 'introduzione');
  const sections = plan.sections;
  for (const s of sections.filter((s) => FRAMEWORK_KINDS.includes(s.kind))) {
    out.heading(2, s.title, `sez-${s.id}`).text(s.body);
  }
  if (org.roles.length > 0) {
    out.heading(2, 'Ruoli per la transizione al digitale', 'ruoli');
    out.table({
      caption: 'Ruoli e atti di nomina',
      columns: [
        { header: 'Ruolo', weight: 3 },
        { header: 'Titolare', weight: 3 },
        { header: 'Settore', weight: 3 },
        { header: 'Atto di nomina', weight: 3 },
      ],
      rowHeaders: true,
      rows: org.roles.map((r) => [
        r.title ?? ROLE_LABELS[r.role] ?? r.role,
        r.person ?? '—',
        r.unitId ? (units.get(r.unitId) ?? r.unitId) : '—',
        r.appointmentAct ? formatAct(r.appointmentAct) : '—',
      ]),
    });
  }
  if (plan.normativeReferences.length > 0) {
    out.heading(2, 'Riferimenti normativi', 'riferimenti-normativi');
    out.list(
      plan.normativeReferences.map((n): Run[] => [
        n.url ? { text: n.title, link: n.url } : { text: n.title },
        ...(n.reference ? [{ text: ` (${n.reference})` }] : []),
      ]),
    );
  }

  // 2. Relations with the other planning instruments.
  h1('Le relazioni con gli altri strumenti di programmazione', 'strumenti');
  for (const s of sections.filter((s) => s.kind === 'instruments')) out.text(s.body);
  if (plan.relatedInstruments.length > 0) {
    out.table({
      caption: 'Strumenti di programmazione collegati',
      columns: [
        { header: 'Strumento', weight: 4 },
        { header: 'Sezione', weight: 3 },
        { header: 'Collegamento', weight: 5 },
      ],
      rowHeaders: true,
      rows: plan.relatedInstruments.map((r) => [
        `${INSTRUMENT_LABELS[r.kind] ?? r.kind}: ${r.label}`,
        r.section ?? '—',
        r.reference ?? '—',
      ]),
    });
  } else if (!sections.some((s) => s.kind === 'instruments')) {
    out.paragraph('Il piano non indica collegamenti con altri strumenti di programmazione.');
  }

  // 3. Spending.
  h1('La spesa per la transizione al digitale', 'spesa');
  if (doc.spending.length === 0) {
    out.paragraph('Il piano non prevede voci di spesa.');
  } else {
    const total = spendingTotal(doc);
    out.paragraph(
      `Il piano destina alla transizione al digitale ${formatEuro(total)} nel triennio ${period}, ripartiti per provenienza dei fondi come segue.`,
    );
    out.table({
      caption: 'Voci di spesa',
      columns: [
        { header: 'Titolo – Classe', weight: 3 },
        { header: 'Descrizione', weight: 6 },
        { header: 'Provenienza fondi', weight: 3 },
        { header: 'Anno', weight: 1.2, align: 'center' },
        { header: 'Importo', weight: 2.6, align: 'right' },
      ],
      rows: doc.spending.map((s) => [
        s.classification ?? (s.pnrrMeasure ? `Misura ${s.pnrrMeasure}` : '—'),
        s.cup ? `${s.description} (CUP ${s.cup})` : s.description,
        s.fundingSource,
        s.year ? String(s.year) : '—',
        formatEuro(s.amount),
      ]),
      totals: [
        [{ text: 'Totale', bold: true }, '', '', '', { text: formatEuro(total), bold: true }],
      ],
    });
    const bySource = spendingBySource(doc);
    out.table({
      caption: 'Totali per provenienza dei fondi',
      columns: [
        { header: 'Provenienza fondi', weight: 6 },
        { header: 'Importo', weight: 3, align: 'right' },
        { header: 'Quota', weight: 2, align: 'right' },
      ],
      rowHeaders: true,
      rows: bySource.map((s) => [
        s.source,
        formatEuro(s.amount),
        formatPercent(Math.round((s.amount / total) * 1000) / 10),
      ]),
      totals: [[{ text: 'Totale', bold: true }, { text: formatEuro(total), bold: true }, '100%']],
    });
    out.chart('grafico-spesa', 'La spesa per provenienza dei fondi', spendingChart(doc));
  }

  // 4. Priorities and actions.
  h1('Le priorità da affrontare', 'priorita');
  const byPriority = actionsByPriority(doc);
  for (const { priority: p, index, actions } of byPriority) {
    out.heading(2, priorityTitle(p, index), `priorita-${p.id}`);
    out.text(p.description);
    if (p.expectedBenefits) out.fields([{ label: 'Benefici attesi', value: p.expectedBenefits }]);
    if (p.nationalChapters.length > 0) {
      out.fields([
        {
          label: 'Capitoli del Piano triennale nazionale',
          value: p.nationalChapters.join(', '),
        },
      ]);
    }
    const baseline = doc.baseline.filter((b) => b.priorityId === p.id);
    if (p.stateOfTheArt || baseline.length > 0) {
      out.heading(3, 'Analisi dello stato dell’arte', `stato-${p.id}`);
      out.text(p.stateOfTheArt);
      if (baseline.length > 0) {
        const dates = baseline.map((b) => b.referenceDate).filter((d): d is string => !!d);
        const latest = dates.sort().at(-1);
        out.table({
          caption: latest ? `Baseline al ${formatShortDate(latest)}` : 'Baseline',
          columns: [
            { header: 'Voce', weight: 6 },
            { header: 'Valore', weight: 3, align: 'right' },
            { header: 'Riferimento', weight: 2, align: 'center' },
            { header: 'Fonte', weight: 3 },
          ],
          rowHeaders: true,
          rows: baseline.map((b) => [
            b.label,
            b.value !== null
              ? `${formatNumber(b.value)}${b.unit ? ` ${b.unit}` : ''}`
              : (b.valueText ?? '—'),
            b.referenceDate ? formatShortDate(b.referenceDate) : '—',
            b.source ?? '—',
          ]),
        });
      }
    }
    out.heading(3, 'Azioni pianificate', `azioni-${p.id}`);
    if (actions.length === 0) out.paragraph('Nessuna azione pianificata per questa priorità.');
    for (const a of actions) {
      out.heading(4, actionTitle(a), `azione-${a.id}`);
      out.text(a.description);
      const indicators = doc.indicators.filter((i) => i.actionId === a.id);
      out.fields([
        { label: 'Responsabilità', value: responsiblesOf(a, units) || 'non indicata' },
        { label: 'Tempi', value: timingText(a.timing) },
        {
          label: 'Stato',
          value: `${ACTION_STATUS_LABELS[a.status]}, avanzamento ${formatPercent(a.progress)}`,
        },
      ]);
      if (a.expectedResults.length > 0) {
        out.paragraph({ text: 'Risultati attesi:', bold: true });
        out.list(a.expectedResults);
      }
      if (indicators.length > 0) {
        out.paragraph({ text: 'Indicatori:', bold: true });
        out.list(
          indicators.map((i) => {
            const targets = i.targets.map((t) => `${t.year}: ${targetText(i, t)}`).join('; ');
            return `${i.code ? `${i.code} ` : ''}${i.name} — baseline ${baselineText(i)}${targets ? `; target ${targets}` : ''}`;
          }),
        );
      }
      const links = [
        ...catalogText(a.catalogRefs, options.lookupTitle),
        ...pnrrText(a.pnrrMeasures),
      ];
      if (links.length > 0) {
        out.paragraph({ text: 'Collegamenti al Piano triennale nazionale e al PNRR:', bold: true });
        out.list(links);
      }
      if (a.microActions.length > 0) {
        out.paragraph({ text: 'Micro azioni:', bold: true });
        out.list(
          a.microActions.map((m): Run[] => [
            { text: m.title },
            { text: ` — ${timingText(m.timing)}; ${ACTION_STATUS_LABELS[m.status].toLowerCase()}` },
            ...(m.responsibles.length > 0 ? [{ text: `; ${responsiblesOf(m, units)}` }] : []),
          ]),
        );
      }
    }
  }

  // 5. Summary of the actions.
  h1('Riepilogo delle azioni', 'riepilogo');
  const years: number[] = [];
  for (let y = plan.startYear; y <= plan.endYear; y += 1) years.push(y);
  out.paragraph(
    `Le azioni del piano con i soggetti responsabili e gli anni del triennio in cui si svolgono (X).`,
  );
  const undated: string[] = [];
  out.table({
    caption: 'Riepilogo delle azioni per responsabili e anni',
    columns: [
      { header: 'Azione', weight: 7 },
      { header: 'Responsabilità', weight: 5 },
      ...years.map((y) => ({ header: String(y), weight: 1.1, align: 'center' as const })),
    ],
    rowHeaders: true,
    compact: true,
    rows: doc.actions.map((a) => {
      const marks = timingYears(a.timing, plan.startYear, plan.endYear);
      if (marks.length === 0) undated.push(a.code ?? a.title);
      return [
        actionTitle(a),
        responsiblesOf(a, units),
        ...years.map((y) => (marks.includes(y) ? 'X' : '')),
      ];
    }),
  });
  if (undated.length > 0) {
    out.paragraph(
      `Senza anni indicati (tempi non databili o avvio immediato senza termine): ${undated.join(', ')}.`,
      'note',
    );
  }
  const timelines = timelineCharts(doc);
  for (const [i, chart] of timelines.entries()) {
    const part = timelines.length > 1 ? ` (${i + 1} di ${timelines.length})` : '';
    out.chart(`grafico-cronoprogramma-${i + 1}`, `Cronoprogramma delle azioni${part}`, chart);
  }
  out.chart('grafico-stato', 'Stato delle azioni per priorità', statusChart(doc));

  // 6. Indicators.
  h1('Indicatori e target', 'indicatori');
  if (doc.indicators.length === 0) {
    out.paragraph('Il piano non definisce indicatori.');
  } else {
    out.table({
      caption: 'Indicatori con baseline, target e ultima rilevazione',
      columns: [
        { header: 'Indicatore', weight: 5 },
        { header: 'Baseline', weight: 3 },
        { header: 'Target', weight: 5 },
        { header: 'Ultima rilevazione', weight: 3.5 },
      ],
      rowHeaders: true,
      compact: true,
      rows: doc.indicators.map((i) => [
        `${i.code ? `${i.code} ` : ''}${i.name}`,
        baselineText(i),
        i.targets.map((t) => `${t.year}: ${targetText(i, t)}`).join('\n') || '—',
        measurementText(i, latestMeasurement(i)),
      ]),
    });
  }

  // 7. Platforms.
  h1('Adesione alle piattaforme nazionali', 'piattaforme');
  if (doc.platforms.length === 0) {
    out.paragraph('Il piano non riporta lo stato di adesione alle piattaforme nazionali.');
  } else {
    out.table({
      caption: 'Adesione alle piattaforme nazionali',
      columns: [
        { header: 'Piattaforma', weight: 2.6 },
        { header: 'Adesione', weight: 1.8, align: 'center' },
        { header: 'Dal', weight: 1.8, align: 'center' },
        { header: 'Scadenza', weight: 1.8, align: 'center' },
        { header: 'Settore', weight: 3.5 },
        { header: 'Note', weight: 5 },
      ],
      rowHeaders: true,
      compact: true,
      rows: doc.platforms.map((p) => [
        p.platform,
        PLATFORM_STATUS_LABELS[p.status] ?? p.status,
        p.since ? formatShortDate(p.since) : '—',
        p.due ? formatShortDate(p.due) : '—',
        p.unitText ?? (p.unitId ? (units.get(p.unitId) ?? p.unitId) : '—'),
        p.notes ?? '',
      ]),
    });
  }

  // Further sections (security plan, others), each a chapter.
  for (const s of sections.filter((s) => s.kind === 'security' || s.kind === 'other')) {
    h1(s.title, `sez-${s.id}`);
    out.text(s.body);
  }

  // Glossary.
  if (plan.glossary.length > 0) {
    h1('Termini, definizioni e acronimi', 'glossario');
    out.table({
      caption: 'Glossario',
      columns: [
        { header: 'Termine', weight: 2 },
        { header: 'Definizione', weight: 8 },
      ],
      rowHeaders: true,
      rows: plan.glossary.map((g) => [g.term, g.definition]),
    });
  }

  const rtd = org.roles.find((r) => r.role === 'rtd');
  const details = [
    plan.revisionLabel,
    plan.approval ? `Approvato con ${formatAct(plan.approval)}` : null,
    plan.nationalEdition
      ? `Redatto secondo il Piano triennale per l’informatica nella PA, edizione ${plan.nationalEdition}`
      : null,
    rtd?.person ? `Responsabile per la transizione al digitale: ${rtd.person}` : null,
    ['draft', 'proposed'].includes(plan.status)
      ? `${PLAN_STATUS_LABELS[plan.status].toUpperCase()} – documento non ancora approvato`
      : null,
  ].filter((d): d is string => !!d);
  return {
    lang: 'it-IT',
    title: plan.title,
    subject: `Piano triennale per l’informatica ${period} – ${org.name}`,
    author: org.name,
    keywords: ['piano triennale per l’informatica', 'transizione al digitale', org.name, period],
    header: org.name,
    cover: {
      organization: org.name,
      organizationDetails: organizationDetails(doc),
      title: plan.title,
      period: `Triennio ${period}`,
      details,
    },
    tocTitle: 'Sommario',
    blocks: out.blocks,
  };
}

export function organizationDetails(doc: PlanDocument): string[] {
  const o = doc.organization;
  return [
    [o.province, o.region].filter(Boolean).join(' · '),
    o.ipaCode ? `Codice IPA ${o.ipaCode}` : '',
  ].filter((l) => l !== '');
}

export function spendingChart(doc: PlanDocument): ChartSpec {
  const bySource = spendingBySource(doc);
  return {
    type: 'bars',
    unit: 'euro',
    description: `Spesa per provenienza dei fondi: ${bySource
      .map((s) => `${s.source} ${formatEuro(s.amount)}`)
      .join('; ')}.`,
    bars: bySource.map((s) => ({ label: s.source, value: s.amount })),
  };
}

const STATUS_ORDER = ['completed', 'in_progress', 'planned', 'suspended', 'cancelled'] as const;

export function statusChart(doc: PlanDocument): ChartSpec {
  const rows = actionsByPriority(doc).map(({ priority, index, actions }) => {
    const values: Record<string, number> = {};
    for (const a of actions) values[a.status] = (values[a.status] ?? 0) + 1;
    return { label: `P${priority.code ?? index + 1} ${priority.title}`, values };
  });
  const categories = STATUS_ORDER.filter((s) => rows.some((r) => (r.values[s] ?? 0) > 0)).map(
    (key) => ({ key, label: ACTION_STATUS_LABELS[key], color: COLORS[key] }),
  );
  return {
    type: 'stacked',
    description: `Azioni per stato in ciascuna priorità: ${rows
      .map(
        (r) =>
          `${r.label}: ${categories.map((c) => `${r.values[c.key] ?? 0} ${c.label.toLowerCase()}`).join(', ')}`,
      )
      .join('; ')}.`,
    categories,
    rows,
  };
}

/** The actions on the plan's years, split into charts of at most TIMELINE_ROWS rows. */
export function timelineCharts(doc: PlanDocument, today?: string): TimelineChart[] {
  const { startYear, endYear } = doc.plan;
  const rows = actionsByPriority(doc).flatMap(({ priority, actions }) =>
    actions.map((a) => ({
      label: actionTitle(a),
      group: priority.id,
      mark: timingMark(a.timing, startYear, endYear),
    })),
  );
  const chunks: (typeof rows)[] = [];
  for (let i = 0; i < rows.length; i += TIMELINE_ROWS)
    chunks.push(rows.slice(i, i + TIMELINE_ROWS));
  return chunks.map((chunk, i) => ({
    type: 'timeline',
    description: `Cronoprogramma ${chunks.length > 1 ? `(parte ${i + 1} di ${chunks.length}) ` : ''}delle azioni dal ${startYear} al ${endYear}: ${chunk
      .map((r) => r.label)
      .join('; ')}.`,
    startYear,
    endYear,
    ...(today ? { today } : {}),
    rows: chunk,
  }));
}
