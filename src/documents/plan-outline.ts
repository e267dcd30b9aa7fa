/**
 * The plan document's content, in the order hand-made plans use: cover, contents, introduction
 * and normative framework, relations with the other planning instruments, spending, the
 * priorities (state of the art, baseline, actions), the summary of actions by year, indicators,
 * platform adoption, other sections, glossary. Built once from the PlanDocument; every format
 * renders this outline.
 */
import { isWebUrl } from '../domain/model/common.js';
import type { PlanDocument } from '../domain/model/interchange.js';
import type { Section } from '../domain/model/plan.js';
import { isEmptyDiff, type PlanDiff } from '../domain/rules/plan-diff.js';
import type { ChartSpec, TimelineChart } from './charts.js';
import { COLORS } from './charts.js';
import { formatFor } from './format.js';
import { LANG_TAGS, labelsFor, type DocumentLang } from './labels.js';
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
  revisionChangeLines,
  type LookupTitle,
} from './plan-facts.js';

export interface OutlineOptions {
  /** Title of a national catalog code, when the catalog knows it. */
  lookupTitle?: LookupTitle | undefined;
  /** The language of the document's frame (headings, labels, formats); Italian when absent. */
  lang?: DocumentLang | undefined;
  /** What changed from the previous revision: a chapter of its own when given. */
  changes?: RevisionChanges | undefined;
}

/** The diff from the previous revision, and how to name that revision. */
export interface RevisionChanges {
  previous: string;
  diff: PlanDiff;
}

const FRAMEWORK_KINDS: Section['kind'][] = ['introduction', 'principles', 'methodology'];
/** A timeline chart stays readable up to this many rows; longer plans get one chart per group. */
const TIMELINE_ROWS = 50;

export function buildPlanOutline(doc: PlanDocument, options: OutlineOptions = {}): DocumentOutline {
  const { organization: org, plan } = doc;
  const lang = options.lang ?? 'it';
  const L = labelsFor(lang);
  const f = formatFor(lang);
  const units = unitNames(doc);
  const out = new OutlineBuilder();
  const period = f.period(plan.startYear, plan.endYear);
  let chapter = 0;
  const h1 = (title: string, id: string) => out.heading(1, `${++chapter}. ${title}`, id);

  // What changes from the previous revision, first: what the Giunta and citizens ask first.
  if (options.changes) {
    h1(L.changes, 'cosa-cambia');
    changesSection(out, options.changes, lang);
  }

  // 1. Introduction and normative framework.
  h1(L.introduction, 'introduzione');
  const sections = plan.sections;
  for (const s of sections.filter((s) => FRAMEWORK_KINDS.includes(s.kind))) {
    out.heading(2, s.title, `sez-${s.id}`).text(s.body);
  }
  if (org.roles.length > 0) {
    out.heading(2, L.roles, 'ruoli');
    out.table({
      caption: L.rolesCaption,
      columns: [
        { header: L.roleHeader, weight: 3 },
        { header: L.holder, weight: 3 },
        { header: L.unit, weight: 3 },
        { header: L.appointmentAct, weight: 3 },
      ],
      rowHeaders: true,
      rows: org.roles.map((r) => [
        r.title ?? L.role[r.role] ?? r.role,
        r.person ?? '—',
        r.unitId ? (units.get(r.unitId) ?? r.unitId) : '—',
        r.appointmentAct ? f.act(r.appointmentAct) : '—',
      ]),
    });
  }
  if (plan.normativeReferences.length > 0) {
    out.heading(2, L.normativeReferences, 'riferimenti-normativi');
    out.list(
      plan.normativeReferences.map((n): Run[] => [
        isWebUrl(n.url) ? { text: n.title, link: n.url.trim() } : { text: n.title },
        ...(n.reference ? [{ text: ` (${n.reference})` }] : []),
      ]),
    );
  }

  // 2. Relations with the other planning instruments.
  h1(L.instruments, 'strumenti');
  for (const s of sections.filter((s) => s.kind === 'instruments')) out.text(s.body);
  if (plan.relatedInstruments.length > 0) {
    out.table({
      caption: L.instrumentsCaption,
      columns: [
        { header: L.instrumentHeader, weight: 4 },
        { header: L.section, weight: 3 },
        { header: L.link, weight: 5 },
      ],
      rowHeaders: true,
      rows: plan.relatedInstruments.map((r) => [
        `${L.instrument[r.kind] ?? r.kind}: ${r.label}`,
        r.section ?? '—',
        r.reference ?? '—',
      ]),
    });
  } else if (!sections.some((s) => s.kind === 'instruments')) {
    out.paragraph(L.noInstruments);
  }

  // 3. Spending.
  h1(L.spending, 'spesa');
  if (doc.spending.length === 0) {
    out.paragraph(L.noSpending);
  } else {
    const total = spendingTotal(doc);
    out.paragraph(L.spendingIntro(f.euro(total), period));
    out.table({
      caption: L.spendingItems,
      columns: [
        { header: L.titleClass, weight: 3 },
        { header: L.description, weight: 6 },
        { header: L.fundingSource, weight: 3 },
        { header: L.year, weight: 1.2, align: 'center' },
        { header: L.amount, weight: 2.6, align: 'right' },
      ],
      rows: doc.spending.map((s) => [
        s.classification ?? (s.pnrrMeasure ? L.measure(s.pnrrMeasure) : '—'),
        s.cup ? `${s.description} (CUP ${s.cup})` : s.description,
        s.fundingSource,
        s.year ? String(s.year) : '—',
        f.euro(s.amount),
      ]),
      totals: [[{ text: L.total, bold: true }, '', '', '', { text: f.euro(total), bold: true }]],
    });
    const bySource = spendingBySource(doc);
    out.table({
      caption: L.totalsBySource,
      columns: [
        { header: L.fundingSource, weight: 6 },
        { header: L.amount, weight: 3, align: 'right' },
        { header: L.share, weight: 2, align: 'right' },
      ],
      rowHeaders: true,
      rows: bySource.map((s) => [
        s.source,
        f.euro(s.amount),
        f.percent(Math.round((s.amount / total) * 1000) / 10),
      ]),
      totals: [[{ text: L.total, bold: true }, { text: f.euro(total), bold: true }, '100%']],
    });
    out.chart('grafico-spesa', L.spendingChartCaption, spendingChart(doc, lang));
  }

  // 4. Priorities and actions.
  h1(L.priorities, 'priorita');
  const byPriority = actionsByPriority(doc);
  for (const { priority: p, index, actions } of byPriority) {
    out.heading(2, priorityTitle(p, index, lang), `priorita-${p.id}`);
    out.text(p.description);
    if (p.expectedBenefits) out.fields([{ label: L.expectedBenefits, value: p.expectedBenefits }]);
    if (p.nationalChapters.length > 0) {
      out.fields([{ label: L.nationalChapters, value: p.nationalChapters.join(', ') }]);
    }
    const baseline = doc.baseline.filter((b) => b.priorityId === p.id);
    if (p.stateOfTheArt || baseline.length > 0) {
      out.heading(3, L.stateOfTheArt, `stato-${p.id}`);
      out.text(p.stateOfTheArt);
      if (baseline.length > 0) {
        const dates = baseline.map((b) => b.referenceDate).filter((d): d is string => !!d);
        const latest = dates.sort().at(-1);
        out.table({
          caption: latest ? L.baselineAt(f.shortDate(latest)) : L.baseline,
          columns: [
            { header: L.item, weight: 6 },
            { header: L.value, weight: 3, align: 'right' },
            { header: L.reference, weight: 2, align: 'center' },
            { header: L.source, weight: 3 },
          ],
          rowHeaders: true,
          rows: baseline.map((b) => [
            b.label,
            b.value !== null
              ? `${f.number(b.value)}${b.unit ? ` ${b.unit}` : ''}`
              : (b.valueText ?? '—'),
            b.referenceDate ? f.shortDate(b.referenceDate) : '—',
            b.source ?? '—',
          ]),
        });
      }
    }
    out.heading(3, L.plannedActions, `azioni-${p.id}`);
    if (actions.length === 0) out.paragraph(L.noPlannedActions);
    for (const a of actions) {
      out.heading(4, actionTitle(a), `azione-${a.id}`);
      out.text(a.description);
      const indicators = doc.indicators.filter((i) => i.actionId === a.id);
      out.fields([
        { label: L.responsibility, value: responsiblesOf(a, units) || L.responsibilityNotStated },
        { label: L.timing, value: timingText(a.timing, lang) },
        {
          label: L.status,
          value: L.statusProgress(L.actionStatus[a.status], f.percent(a.progress)),
        },
      ]);
      if (a.expectedResults.length > 0) {
        out.paragraph({ text: L.expectedResults, bold: true });
        out.list(a.expectedResults);
      }
      if (indicators.length > 0) {
        out.paragraph({ text: L.indicatorsList, bold: true });
        out.list(
          indicators.map((i) => {
            const targets = i.targets.map((t) => `${t.year}: ${targetText(i, t, lang)}`).join('; ');
            return L.indicatorLine(
              `${i.code ? `${i.code} ` : ''}${i.name}`,
              baselineText(i, lang),
              targets,
            );
          }),
        );
      }
      const links = [
        ...catalogText(a.catalogRefs, options.lookupTitle),
        ...pnrrText(a.pnrrMeasures, lang),
      ];
      if (links.length > 0) {
        out.paragraph({ text: L.nationalLinks, bold: true });
        out.list(links);
      }
      if (a.microActions.length > 0) {
        out.paragraph({ text: L.microActions, bold: true });
        out.list(
          a.microActions.map((m): Run[] => [
            { text: m.title },
            {
              text: ` — ${timingText(m.timing, lang)}; ${L.actionStatus[m.status].toLowerCase()}`,
            },
            ...(m.responsibles.length > 0 ? [{ text: `; ${responsiblesOf(m, units)}` }] : []),
          ]),
        );
      }
    }
  }

  // 5. Summary of the actions.
  h1(L.summary, 'riepilogo');
  const years: number[] = [];
  for (let y = plan.startYear; y <= plan.endYear; y += 1) years.push(y);
  out.paragraph(L.summaryIntro);
  const undated: string[] = [];
  out.table({
    caption: L.summaryCaption,
    columns: [
      { header: L.action, weight: 7 },
      { header: L.responsibility, weight: 5 },
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
    out.paragraph(L.undatedActions(undated.join(', ')), 'note');
  }
  const timelines = timelineCharts(doc, undefined, lang);
  for (const [i, chart] of timelines.entries()) {
    const part = timelines.length > 1 ? L.partOf(i + 1, timelines.length) : '';
    out.chart(`grafico-cronoprogramma-${i + 1}`, `${L.timelineCaption}${part}`, chart);
  }
  out.chart('grafico-stato', L.statusChartCaption, statusChart(doc, lang));

  // 6. Indicators.
  h1(L.indicatorsTargets, 'indicatori');
  if (doc.indicators.length === 0) {
    out.paragraph(L.noIndicators);
  } else {
    out.table({
      caption: L.indicatorsCaption,
      columns: [
        { header: L.indicator, weight: 5 },
        { header: L.baseline, weight: 3 },
        { header: L.target, weight: 5 },
        { header: L.latestMeasurement, weight: 3.5 },
      ],
      rowHeaders: true,
      compact: true,
      rows: doc.indicators.map((i) => [
        `${i.code ? `${i.code} ` : ''}${i.name}`,
        baselineText(i, lang),
        i.targets.map((t) => `${t.year}: ${targetText(i, t, lang)}`).join('\n') || '—',
        measurementText(i, latestMeasurement(i), lang),
      ]),
    });
  }

  // 7. Platforms.
  h1(L.platforms, 'piattaforme');
  if (doc.platforms.length === 0) {
    out.paragraph(L.noPlatforms);
  } else {
    out.table({
      caption: L.platforms,
      columns: [
        { header: L.platform, weight: 2.6 },
        { header: L.adoption, weight: 1.8, align: 'center' },
        { header: L.since, weight: 1.8, align: 'center' },
        { header: L.due, weight: 1.8, align: 'center' },
        { header: L.unit, weight: 3.5 },
        { header: L.notes, weight: 5 },
      ],
      rowHeaders: true,
      compact: true,
      rows: doc.platforms.map((p) => [
        p.platform,
        L.platformStatus[p.status] ?? p.status,
        p.since ? f.shortDate(p.since) : '—',
        p.due ? f.shortDate(p.due) : '—',
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
    h1(L.glossary, 'glossario');
    out.table({
      caption: L.glossaryCaption,
      columns: [
        { header: L.term, weight: 2 },
        { header: L.definition, weight: 8 },
      ],
      rowHeaders: true,
      rows: plan.glossary.map((g) => [g.term, g.definition]),
    });
  }

  const rtd = org.roles.find((r) => r.role === 'rtd');
  const details = [
    plan.revisionLabel,
    plan.approval ? L.approvedBy(f.act(plan.approval)) : null,
    plan.nationalEdition ? L.nationalEdition(plan.nationalEdition) : null,
    rtd?.person ? L.rtdCover(rtd.person) : null,
    ['draft', 'proposed'].includes(plan.status)
      ? L.notApproved(L.planStatus[plan.status].toUpperCase())
      : null,
  ].filter((d): d is string => !!d);
  return {
    lang: LANG_TAGS[lang],
    title: plan.title,
    subject: L.planSubject(period, org.name),
    author: org.name,
    keywords: [...L.planKeywords, org.name, period],
    header: org.name,
    cover: {
      organization: org.name,
      organizationDetails: organizationDetails(doc, lang),
      title: plan.title,
      period: L.coverPeriod(period),
      details,
    },
    tocTitle: L.contents,
    blocks: out.blocks,
  };
}

export function organizationDetails(doc: PlanDocument, lang: DocumentLang = 'it'): string[] {
  const o = doc.organization;
  return [
    [o.province, o.region].filter(Boolean).join(' · '),
    o.ipaCode ? labelsFor(lang).ipaCode(o.ipaCode) : '',
  ].filter((l) => l !== '');
}

export function spendingChart(doc: PlanDocument, lang: DocumentLang = 'it'): ChartSpec {
  const bySource = spendingBySource(doc);
  const euro = formatFor(lang).euro;
  return {
    type: 'bars',
    lang,
    unit: 'euro',
    description: labelsFor(lang).spendingChartAlt(
      bySource.map((s) => `${s.source} ${euro(s.amount)}`).join('; '),
    ),
    bars: bySource.map((s) => ({ label: s.source, value: s.amount })),
  };
}

const STATUS_ORDER = ['completed', 'in_progress', 'planned', 'suspended', 'cancelled'] as const;

export function statusChart(doc: PlanDocument, lang: DocumentLang = 'it'): ChartSpec {
  const L = labelsFor(lang);
  const rows = actionsByPriority(doc).map(({ priority, index, actions }) => {
    const values: Record<string, number> = {};
    for (const a of actions) values[a.status] = (values[a.status] ?? 0) + 1;
    return { label: `P${priority.code ?? index + 1} ${priority.title}`, values };
  });
  const categories = STATUS_ORDER.filter((s) => rows.some((r) => (r.values[s] ?? 0) > 0)).map(
    (key) => ({ key, label: L.actionStatus[key], color: COLORS[key] }),
  );
  return {
    type: 'stacked',
    lang,
    description: L.statusChartAlt(
      rows
        .map(
          (r) =>
            `${r.label}: ${categories.map((c) => `${r.values[c.key] ?? 0} ${c.label.toLowerCase()}`).join(', ')}`,
        )
        .join('; '),
    ),
    categories,
    rows,
  };
}

/** The actions on the plan's years, split into charts of at most TIMELINE_ROWS rows. */
export function timelineCharts(
  doc: PlanDocument,
  today?: string,
  lang: DocumentLang = 'it',
): TimelineChart[] {
  const L = labelsFor(lang);
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
    lang,
    description: L.timelineAlt(
      chunks.length > 1 ? L.timelinePart(i + 1, chunks.length) : '',
      startYear,
      endYear,
      chunk.map((r) => r.label).join('; '),
    ),
    startYear,
    endYear,
    ...(today ? { today } : {}),
    rows: chunk,
  }));
}

function changesSection(out: OutlineBuilder, changes: RevisionChanges, lang: DocumentLang) {
  const L = labelsFor(lang);
  const f = formatFor(lang);
  const { diff } = changes;
  if (isEmptyDiff(diff)) {
    out.paragraph(L.changesNone);
    return;
  }
  out.paragraph(L.changesIntro(changes.previous));
  const lines = revisionChangeLines(diff, lang);
  if (lines.length) out.list(lines.map((text): Run[] => [{ text }]));
  if (diff.spendingBySource.length) {
    out.table({
      caption: L.spendingChangesCaption,
      columns: [
        { header: L.fundingSource, weight: 4 },
        { header: L.before, weight: 2, align: 'right' },
        { header: L.after, weight: 2, align: 'right' },
      ],
      rowHeaders: true,
      rows: diff.spendingBySource.map((s) => [s.fundingSource, f.euro(s.before), f.euro(s.after)]),
    });
  }
}
