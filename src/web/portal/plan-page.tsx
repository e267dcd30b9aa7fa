/**
 * A published plan, whole: its facts, downloads, state of implementation, compliance with the
 * national plan, each priority with its state of the art, baseline and actions (filterable by
 * links), the timeline by year, spending, indicators, platforms.
 */
import type { Action } from '../../domain/model/action.js';
import type { Indicator } from '../../domain/model/indicator.js';
import type { PlanDocument } from '../../domain/model/interchange.js';
import { chartSvg, type BarsChart } from '../../documents/charts.js';
import { labelsFor } from '../../documents/labels.js';
import { monitoringFacts, type DueItem } from '../../documents/monitoring-report.js';
import { CSV_TABLE_NAMES } from '../../documents/open-data.js';
import {
  actionTitle,
  actionsByPriority,
  baselineText,
  catalogText,
  cents,
  measurementText,
  pnrrText,
  priorityTitle,
  responsiblesOf,
  spendingByMeasure,
  spendingBySource,
  spendingTotal,
  targetText,
  targetValue,
  timingMeaning,
  timingYears,
  unitNames,
} from '../../documents/plan-facts.js';
import { spendingChart } from '../../documents/plan-outline.js';
import type { PublicPlan } from '../../operations/read-public-plan.js';
import type { AssetUrls } from '../assets.js';
import { Layout, type PageOrganization } from '../components/layout.js';
import { Chart, Facts, Note, Progress, StatusBadge } from '../components/ui.js';
import { href, queryString, type PageContext } from '../page-context.js';
import {
  FILTER_PARAMS,
  filterParams,
  hasFilters,
  matches,
  unitsWithActions,
  type ActionFilters,
} from './filters.js';
import { actionPath, exportUrl } from './paths.js';
import { DataTable, TableWrap } from './tables.js';

export interface PlanPageProps {
  ctx: PageContext;
  assets: AssetUrls;
  organization: PageOrganization;
  planId: string;
  /** The plan page's own path, e.g. `/enti/c_z999/piani/2025-2027`. */
  path: string;
  plan: PublicPlan;
  filters: ActionFilters;
}

export function PlanPage(props: PlanPageProps) {
  const { ctx, plan } = props;
  const doc = plan.document;
  const t = ctx.t;
  const period = ctx.f.period(doc.plan.startYear, doc.plan.endYear);
  return (
    <Layout
      ctx={ctx}
      assets={props.assets}
      title={`${doc.plan.title} (${period})`}
      description={`${doc.organization.name}: ${doc.plan.title}, ${period}`}
      organization={props.organization}
      crumbs={[{ label: doc.organization.name, path: props.organization.path }, { label: period }]}
      scripts={['plan']}
    >
      <h1>{doc.plan.title}</h1>
      <p class="lead">
        {doc.organization.name} · {period}
      </p>
      <PlanFacts {...props} />
      <nav class="piano-toc" aria-labelledby="toc-title">
        <h2 id="toc-title" class="h5">
          {t.onThisPage}
        </h2>
        <ul>
          {[
            ['documenti', t.sectionDownloads],
            ['attuazione', t.sectionMonitoring],
            ['azioni', t.sectionPriorities],
            ['cronoprogramma', t.sectionTimeline],
            ['spesa', t.sectionSpending],
            ['indicatori', t.sectionIndicators],
            ['piattaforme', t.sectionPlatforms],
            ['conformita', t.sectionCompliance],
          ].map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <Downloads {...props} />
      <Monitoring {...props} />
      <Actions {...props} />
      <Timeline {...props} />
      <Spending ctx={ctx} doc={doc} />
      <Indicators ctx={ctx} doc={doc} planPath={props.path} />
      <Platforms ctx={ctx} doc={doc} />
      <Compliance {...props} />
    </Layout>
  );
}

function PlanFacts({ ctx, plan }: PlanPageProps) {
  const t = ctx.t;
  const p = plan.document.plan;
  const L = labelsFor(ctx.lang);
  return (
    <section aria-labelledby="facts-title">
      <h2 id="facts-title" class="visually-hidden">
        {t.planFacts}
      </h2>
      <Facts
        items={[
          [t.period, ctx.f.period(p.startYear, p.endYear)],
          [t.revision, p.revisionLabel],
          [t.approvalAct, p.approval ? ctx.f.act(p.approval) : t.notApproved],
          [t.nationalEdition, p.nationalEdition],
          [t.status, L.planStatus[p.status]],
          [t.lastUpdate, ctx.f.date(plan.updatedAt.slice(0, 10))],
        ]}
      />
    </section>
  );
}

/** Every file of the plan, with the state of implementation at `reportDate` (today if absent). */
export function Downloads(props: { ctx: PageContext; planId: string; reportDate?: string }) {
  const { ctx, planId } = props;
  const t = ctx.t;
  const f = t.fileFormats;
  const lang: Record<string, string> = ctx.lang === 'en' ? { lang: 'en' } : {};
  const report = { date: props.reportDate ?? ctx.today, ...lang };
  const link = (file: string, label: string, params: Record<string, string> = {}) => (
    <li key={file}>
      <a href={exportUrl(planId, file, params)} download>
        {label}
      </a>
    </li>
  );
  return (
    <section id="documenti" aria-labelledby="documenti-title">
      <h2 id="documenti-title">{t.sectionDownloads}</h2>
      <p>{t.downloadsLead}</p>
      <div class="row piano-downloads">
        <div class="col-md-4">
          <h3 class="h5">{t.downloadPlan}</h3>
          <ul>
            {link('plan.pdf', t.downloadIn(t.downloadPlan, f.pdf), lang)}
            {link('plan.docx', t.downloadIn(t.downloadPlan, f.docx), lang)}
            {link('plan.html', t.downloadIn(t.downloadPlan, f.html), lang)}
          </ul>
        </div>
        <div class="col-md-4">
          <h3 class="h5">{t.downloadReport}</h3>
          <ul>
            {link('report.pdf', t.downloadIn(t.downloadReport, f.pdf), report)}
            {link('report.docx', t.downloadIn(t.downloadReport, f.docx), report)}
            {link('report.html', t.downloadIn(t.downloadReport, f.html), report)}
          </ul>
        </div>
        <div class="col-md-4">
          <h3 class="h5">{t.downloadData}</h3>
          <ul>
            {link('plan.json', f.json)}
            {link('dataset.jsonld', f.jsonld)}
            {CSV_TABLE_NAMES.map((name) =>
              link(`${name}.csv`, t.downloadIn(t.csvTables[name] ?? name, f.csv)),
            )}
          </ul>
        </div>
      </div>
    </section>
  );
}

function Monitoring({ ctx, plan, planId }: PlanPageProps) {
  const t = ctx.t;
  const doc = plan.document;
  const facts = monitoringFacts(doc, ctx.today);
  const L = labelsFor(ctx.lang);
  const dueRows = (items: DueItem[]) =>
    items.map((d) => [
      d.micro ? `${actionTitle(d.action)} – ${d.micro.title}` : actionTitle(d.action),
      ctx.f.shortDate(d.due),
      L.actionStatus[d.micro?.status ?? d.action.status],
    ]);
  const lang: Record<string, string> = ctx.lang === 'en' ? { lang: 'en' } : {};
  return (
    <section id="attuazione" aria-labelledby="attuazione-title">
      <h2 id="attuazione-title">{t.sectionMonitoring}</h2>
      <p>{t.monitoringLead(ctx.f.date(ctx.today))}</p>
      <DataTable
        caption={t.statusCaption}
        head={[t.status, t.statusCount]}
        numeric={[1]}
        rows={Object.entries(facts.counts).map(([status, n]) => [
          L.actionStatus[status as Action['status']],
          ctx.f.number(n),
        ])}
      />
      {facts.overdue.length > 0 ? (
        <DataTable
          caption={t.overdueCaption}
          head={[t.dueItem, t.dueDate, t.dueStatus]}
          rows={dueRows(facts.overdue)}
        />
      ) : (
        <Note>{t.noOverdue}</Note>
      )}
      {facts.upcoming.length > 0 ? (
        <DataTable
          caption={t.upcomingCaption}
          head={[t.dueItem, t.dueDate, t.dueStatus]}
          rows={dueRows(facts.upcoming)}
        />
      ) : (
        <Note>{t.noUpcoming}</Note>
      )}
      <p>
        <a href={exportUrl(planId, 'report.pdf', { date: ctx.today, ...lang })}>
          {t.reportDownload} ({t.fileFormats.pdf})
        </a>
      </p>
    </section>
  );
}

function Compliance({ ctx, plan }: PlanPageProps) {
  const t = ctx.t;
  const report = plan.compliance;
  const facts = monitoringFacts(plan.document, ctx.today);
  return (
    <section id="conformita" aria-labelledby="conformita-title">
      <h2 id="conformita-title">{t.sectionCompliance}</h2>
      {report ? (
        <>
          <p>{t.complianceLead(report.edition.title)}</p>
          <Facts
            items={[
              [
                t.coverage,
                t.coverageValue(
                  report.summary.covered,
                  report.summary.required,
                  ctx.f.percent(report.summary.percent ?? 0),
                ),
              ],
              [t.blockingGaps, ctx.f.number(report.summary.blocking)],
              [t.warnings, ctx.f.number(report.summary.warnings)],
              [t.deadlinesPassed, t.deadlinesPassedValue(facts.overdue.length)],
            ]}
          />
          <BlockingGaps ctx={ctx} plan={plan} />
          <p>{t.complianceAsOf(ctx.f.date(report.asOf))}</p>
        </>
      ) : (
        <Note>{t.complianceUnavailable}</Note>
      )}
    </section>
  );
}

function BlockingGaps({ ctx, plan }: { ctx: PageContext; plan: PublicPlan }) {
  const gaps = (plan.compliance?.findings ?? []).filter(
    (f) => f.severity === 'blocking' && f.kind === 'uncovered_line',
  );
  if (gaps.length === 0) return null;
  return (
    <details class="piano-details">
      <summary>{ctx.t.showFindings(gaps.length)}</summary>
      <DataTable
        caption={ctx.t.findingsCaption}
        head={[ctx.t.findingCode, ctx.t.findingMessage, ctx.t.findingDeadline]}
        rows={gaps.map((g) => [
          g.code ?? '',
          (g.code && plan.lineTitle(g.code)) || g.message,
          g.deadline ? nationalDeadline(ctx, g.deadline) : '',
        ])}
      />
    </details>
  );
}

function Actions(props: PlanPageProps) {
  const { ctx, plan, filters } = props;
  const t = ctx.t;
  const doc = plan.document;
  const shown = doc.actions.filter((a) => matches(a, filters, doc));
  return (
    <section id="azioni" aria-labelledby="azioni-title">
      <h2 id="azioni-title">{t.sectionPriorities}</h2>
      <FilterForm {...props} />
      <p role="status" id="actions-count">
        {t.actionsShown(shown.length, doc.actions.length)}
      </p>
      {shown.length === 0 ? <Note>{t.noActionsMatch}</Note> : null}
      {actionsByPriority(doc)
        .filter(({ priority }) => !filters.priority || filters.priority === priority.id)
        .map(({ priority, index, actions }) => {
          const visible = actions.filter((a) => matches(a, filters, doc));
          if (hasFilters(filters) && visible.length === 0) return null;
          const title = priorityTitle(priority, index, ctx.lang);
          return (
            <section
              key={priority.id}
              id={`priorita-${priority.id}`}
              aria-labelledby={`priorita-${priority.id}-title`}
            >
              <h3 id={`priorita-${priority.id}-title`}>{title}</h3>
              {priority.description ? <p>{priority.description}</p> : null}
              {priority.stateOfTheArt ? (
                <>
                  <h4 class="h5">{t.stateOfTheArt}</h4>
                  <Paragraphs text={priority.stateOfTheArt} />
                </>
              ) : null}
              {priority.expectedBenefits ? (
                <>
                  <h4 class="h5">{t.expectedBenefits}</h4>
                  <Paragraphs text={priority.expectedBenefits} />
                </>
              ) : null}
              <Baseline ctx={ctx} doc={doc} priorityId={priority.id} title={title} />
              <h4 class="visually-hidden">{t.actionsOf(title)}</h4>
              {visible.map((a) => (
                <ActionSummary {...props} action={a} key={a.id} />
              ))}
            </section>
          );
        })}
    </section>
  );
}

/** Text typed with blank lines between paragraphs, as paragraphs. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p key={i}>{p}</p>
        ))}
    </>
  );
}

function Baseline(props: {
  ctx: PageContext;
  doc: PlanDocument;
  priorityId: string;
  title: string;
}) {
  const { ctx, doc } = props;
  const t = ctx.t;
  const items = doc.baseline.filter((b) => b.priorityId === props.priorityId);
  if (items.length === 0) return null;
  return (
    <DataTable
      caption={t.baselineCaption(props.title)}
      head={[t.baselineItem, t.baselineValue, t.baselineDate, t.baselineSource]}
      rows={items.map((b) => [
        b.label,
        b.valueText ??
          (b.value !== null ? `${ctx.f.number(b.value)}${b.unit ? ` ${b.unit}` : ''}` : ''),
        b.referenceDate ? ctx.f.shortDate(b.referenceDate) : '',
        b.source ?? '',
      ])}
    />
  );
}

function ActionSummary(props: PlanPageProps & { action: Action }) {
  const { ctx, plan, action: a } = props;
  const t = ctx.t;
  const L = labelsFor(ctx.lang);
  const units = unitNames(plan.document);
  const link = href(ctx, actionPath(props.path, a.id));
  return (
    <article class="piano-action" aria-labelledby={`azione-${a.id}`} data-action>
      <h4 id={`azione-${a.id}`} class="h5">
        <a href={link}>{actionTitle(a)}</a>
      </h4>
      <div class="piano-action-meta">
        <StatusBadge status={a.status} label={L.actionStatus[a.status]} />
        <Progress ctx={ctx} value={a.progress} />
      </div>
      <Facts
        items={[
          [t.responsibles, responsiblesOf(a, units)],
          [t.timing, a.timing ? <TimingWords ctx={ctx} timing={a.timing} /> : L.timingNotStated],
          [
            t.expectedResults,
            a.expectedResults.length > 0 ? <TextList items={a.expectedResults} /> : null,
          ],
          [
            t.nationalLines,
            a.catalogRefs.length > 0 ? (
              <TextList items={catalogText(a.catalogRefs, plan.lineTitle)} />
            ) : null,
          ],
          [
            t.pnrrMeasures,
            a.pnrrMeasures.length > 0 ? (
              <TextList items={pnrrText(a.pnrrMeasures, ctx.lang)} />
            ) : null,
          ],
          [t.microActions, a.microActions.length > 0 ? ctx.f.number(a.microActions.length) : null],
        ]}
      />
    </article>
  );
}

/** The plan's own words for when, and the date they mean. */
export function TimingWords({
  ctx,
  timing,
}: {
  ctx: PageContext;
  timing: NonNullable<Action['timing']>;
}) {
  return (
    <>
      <q>{timing.text}</q> – {timingMeaning(timing, ctx.lang)}
    </>
  );
}

export function TextList({ items }: { items: string[] }) {
  if (items.length === 1) return <>{items[0]}</>;
  return (
    <ul class="mb-0">
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}

function FilterForm({ ctx, plan, filters, path }: PlanPageProps) {
  const t = ctx.t;
  const doc = plan.document;
  const L = labelsFor(ctx.lang);
  const years: number[] = [];
  for (let y = doc.plan.startYear; y <= doc.plan.endYear; y += 1) years.push(y);
  const select = (
    name: string,
    label: string,
    any: string,
    options: [value: string, label: string][],
    value: string | undefined,
  ) => (
    <div class="col-md-3" key={name}>
      <label for={`filtro-${name}`}>{label}</label>
      <select id={`filtro-${name}`} name={name} class="form-select">
        <option value="">{any}</option>
        {options.map(([v, l]) => (
          <option value={v} selected={v === value} key={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form method="get" action={`${href(ctx, path)}#azioni`} class="piano-filters">
      <h3 class="h5">{t.filtersTitle}</h3>
      <div class="row">
        {select(
          FILTER_PARAMS.priority,
          t.filterPriority,
          t.filterAnyFeminine,
          doc.priorities.map((p, i) => [p.id, priorityTitle(p, i, ctx.lang)]),
          filters.priority,
        )}
        {select(
          FILTER_PARAMS.unit,
          t.filterUnit,
          t.filterAny,
          unitsWithActions(doc).map((u) => [u.id, u.name]),
          filters.unit,
        )}
        {select(
          FILTER_PARAMS.status,
          t.filterStatus,
          t.filterAny,
          Object.entries(L.actionStatus),
          filters.status,
        )}
        {select(
          FILTER_PARAMS.year,
          t.filterYear,
          t.filterAny,
          years.map((y) => [String(y), String(y)]),
          filters.year === undefined ? undefined : String(filters.year),
        )}
      </div>
      <p>
        <button type="submit" class="btn btn-primary me-3">
          {t.applyFilters}
        </button>
        {hasFilters(filters) ? <a href={`${href(ctx, path)}#azioni`}>{t.clearFilters}</a> : null}
      </p>
    </form>
  );
}

function Timeline({ ctx, plan, filters, path }: PlanPageProps) {
  const t = ctx.t;
  const doc = plan.document;
  const { startYear, endYear } = doc.plan;
  const years: number[] = [];
  for (let y = startYear; y <= endYear; y += 1) years.push(y);
  const shown = doc.actions.filter((a) => matches(a, filters, doc));
  const units = unitNames(doc);
  return (
    <section id="cronoprogramma" aria-labelledby="cronoprogramma-title">
      <h2 id="cronoprogramma-title">{t.sectionTimeline}</h2>
      <p>{t.timelineLead}</p>
      {hasFilters(filters) ? (
        <p>
          {t.actionsShown(shown.length, doc.actions.length)} ·{' '}
          <a href={`${href(ctx, path)}#cronoprogramma`}>{t.clearFilters}</a>
        </p>
      ) : null}
      <TableWrap label={t.timelineCaption}>
        <table class="table table-sm">
          <caption>{t.timelineCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.actionColumn}</th>
              <th scope="col">{t.responsibles}</th>
              {years.map((y) => (
                <th scope="col" class="piano-year-mark" key={y}>
                  {y}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((a) => {
              const active = new Set(timingYears(a.timing, startYear, endYear));
              return (
                <tr key={a.id}>
                  <th scope="row">
                    <a href={href(ctx, actionPath(path, a.id))}>{actionTitle(a)}</a>
                  </th>
                  <td>{responsiblesOf(a, units)}</td>
                  {years.map((y) => (
                    <td class="piano-year-mark" key={y}>
                      {active.has(y) ? (
                        <>
                          <span aria-hidden="true">{t.yearMark}</span>
                          <span class="visually-hidden">{t.yearMarkLabel}</span>
                        </>
                      ) : (
                        <span class="visually-hidden">{t.noYearLabel}</span>
                      )}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

function Spending({ ctx, doc }: { ctx: PageContext; doc: PlanDocument }) {
  const t = ctx.t;
  const L = labelsFor(ctx.lang);
  if (doc.spending.length === 0) {
    return (
      <section id="spesa" aria-labelledby="spesa-title">
        <h2 id="spesa-title">{t.sectionSpending}</h2>
        <Note>{t.noSpending}</Note>
      </section>
    );
  }
  const euro = ctx.f.euro;
  const bySource = spendingBySource(doc);
  const byMeasure = spendingByMeasure(doc);
  const measureTotal = byMeasure.reduce((sum, m) => sum + cents(m.amount), 0) / 100;
  return (
    <section id="spesa" aria-labelledby="spesa-title">
      <h2 id="spesa-title">{t.sectionSpending}</h2>
      <Chart
        svg={chartSvg(spendingChart(doc, ctx.lang), { id: 'grafico-spesa' })}
        note={t.chartDataNote}
      />
      <DataTable
        caption={t.spendingBySourceCaption}
        head={[t.fundingSource, t.amount]}
        numeric={[1]}
        rows={bySource.map((s) => [s.source, euro(s.amount)])}
        foot={[t.total, euro(spendingTotal(doc))]}
      />
      {byMeasure.length > 0 ? (
        <DataTable
          caption={t.spendingByMeasureCaption}
          head={[t.measureColumn, t.amount]}
          numeric={[1]}
          rows={byMeasure.map((m) => [
            pnrrText([m.measure], ctx.lang)[0] ?? m.measure,
            euro(m.amount),
          ])}
          foot={[t.total, euro(measureTotal)]}
        />
      ) : (
        <Note>{t.noPnrrSpending}</Note>
      )}
      <DataTable
        caption={t.spendingCaption}
        head={[
          t.spendingDescription,
          t.spendingClass,
          t.fundingSource,
          t.pnrrMeasure,
          t.cup,
          t.spendingYear,
          t.spendingStatus,
          t.amount,
        ]}
        numeric={[7]}
        rows={doc.spending.map((s) => [
          s.description,
          s.classification ?? '',
          s.fundingSource,
          s.pnrrMeasure ? `M1C1 ${s.pnrrMeasure}` : '',
          s.cup ?? '',
          s.year === null ? '' : String(s.year),
          L.spendingStatus[s.status],
          euro(s.amount),
        ])}
        foot={[t.total, '', '', '', '', '', '', euro(spendingTotal(doc))]}
      />
    </section>
  );
}

function Indicators(props: { ctx: PageContext; doc: PlanDocument; planPath: string }) {
  const { ctx, doc } = props;
  const t = ctx.t;
  return (
    <section id="indicatori" aria-labelledby="indicatori-title">
      <h2 id="indicatori-title">{t.sectionIndicators}</h2>
      {doc.indicators.length === 0 ? (
        <Note>{t.noIndicators}</Note>
      ) : (
        <>
          <p>{t.indicatorsLead}</p>
          {doc.indicators.map((i) => (
            <IndicatorBlock {...props} indicator={i} key={i.id} headingLevel={3} />
          ))}
        </>
      )}
    </section>
  );
}

/** One indicator: baseline, targets and measurements as a chart and the same numbers as a table. */
export function IndicatorBlock(props: {
  ctx: PageContext;
  doc: PlanDocument;
  planPath: string;
  indicator: Indicator;
  headingLevel: 3 | 4;
}) {
  const { ctx, doc, indicator: i } = props;
  const t = ctx.t;
  const unit = i.unit ? ` ${i.unit}` : '';
  const action = i.actionId ? doc.actions.find((a) => a.id === i.actionId) : undefined;
  const rows: { kind: string; when: string; value: number | null; note: string }[] = [];
  if (i.baseline) {
    rows.push({
      kind: t.baselineRow,
      when: i.baseline.date ? ctx.f.shortDate(i.baseline.date) : '',
      value: i.baseline.value,
      note: i.baseline.text ?? '',
    });
  }
  for (const target of i.targets) {
    rows.push({
      kind: t.targetRow(target.year),
      when: String(target.year),
      value: targetValue(i, target),
      note: targetText(i, target, ctx.lang),
    });
  }
  for (const m of [...i.measurements].sort((a, b) => a.date.localeCompare(b.date))) {
    rows.push({
      kind: t.measurementRow,
      when: ctx.f.shortDate(m.date),
      value: m.value,
      note: m.note ?? '',
    });
  }
  const plotted = rows.filter((r) => r.value !== null);
  const chart: BarsChart = {
    type: 'bars',
    lang: ctx.lang,
    unit: 'count',
    description: t.indicatorChartDescription(
      i.name,
      plotted.map((r) => `${r.kind} ${r.when} ${ctx.f.number(r.value ?? 0)}${unit}`).join('; '),
    ),
    bars: plotted.map((r) => ({
      label: r.kind === t.measurementRow ? `${r.kind} ${r.when}` : r.kind,
      value: r.value ?? 0,
    })),
  };
  const Heading = props.headingLevel === 3 ? 'h3' : 'h4';
  return (
    <div class="mb-4">
      <Heading class="h4" id={`indicatore-${i.id}`}>
        {i.code ? `${i.code} ` : ''}
        {i.name}
      </Heading>
      <Facts
        items={[
          [t.indicatorBaseline, baselineText(i, ctx.lang)],
          [t.indicatorMeasurements, measurementText(i, latestOf(i), ctx.lang)],
          [
            t.linkedAction,
            action ? (
              <a href={href(ctx, actionPath(props.planPath, action.id))}>{actionTitle(action)}</a>
            ) : null,
          ],
        ]}
      />
      {plotted.length > 0 ? (
        <Chart svg={chartSvg(chart, { id: `grafico-indicatore-${i.id}` })} note={t.chartDataNote} />
      ) : null}
      <DataTable
        caption={t.indicatorTableCaption(i.name)}
        head={[t.indicatorRowKind, t.indicatorRowWhen, t.indicatorRowValue, t.indicatorRowNote]}
        numeric={[2]}
        rows={rows.map((r) => [
          r.kind,
          r.when,
          r.value === null ? '' : `${ctx.f.number(r.value)}${unit}`,
          r.note,
        ])}
      />
    </div>
  );
}

const latestOf = (i: Indicator) =>
  i.measurements.reduce<Indicator['measurements'][number] | undefined>(
    (latest, m) => (!latest || m.date >= latest.date ? m : latest),
    undefined,
  );

function Platforms({ ctx, doc }: { ctx: PageContext; doc: PlanDocument }) {
  const t = ctx.t;
  const L = labelsFor(ctx.lang);
  const units = unitNames(doc);
  const adopted = doc.platforms.filter((p) => p.status === 'adopted').length;
  return (
    <section id="piattaforme" aria-labelledby="piattaforme-title">
      <h2 id="piattaforme-title">{t.sectionPlatforms}</h2>
      {doc.platforms.length === 0 ? (
        <Note>{t.noPlatforms}</Note>
      ) : (
        <>
          <p>{t.platformsSummary(adopted, doc.platforms.length)}</p>
          <DataTable
            caption={t.platformsCaption}
            head={[t.platform, t.platformStatus, t.platformUnit, t.platformDue, t.platformNotes]}
            rows={doc.platforms.map((p) => [
              p.platform,
              L.platformStatus[p.status] ?? p.status,
              p.unitText ?? (p.unitId ? (units.get(p.unitId) ?? p.unitId) : ''),
              p.due ? ctx.f.shortDate(p.due) : '',
              p.notes ?? '',
            ])}
          />
        </>
      )}
    </section>
  );
}

/** A national deadline: "gennaio 2024" for a month (YYYY-MM), the date for a day. */
function nationalDeadline(ctx: PageContext, deadline: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(deadline)) return ctx.f.shortDate(deadline);
  const month = /^(\d{4})-(\d{2})$/.exec(deadline);
  if (!month) return deadline;
  return new Intl.DateTimeFormat(ctx.lang === 'en' ? 'en-GB' : 'it-IT', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1)));
}

/** Query parameters that select the filtered view, for cache keys. */
export const filterKey = (filters: ActionFilters) => queryString(filterParams(filters));
