/**
 * A plan's dashboard for the RTD: coverage of the national plan, progress by priority, overdue
 * and upcoming deadlines from the compliance calendar, indicators against targets, spending by
 * funding source and PNRR measure, and how current the plan is (per unit, and the open actions
 * left alone the longest). Tables only, each with a caption.
 */
import type { ComponentChildren } from 'preact';
import type { CalendarItem, ComplianceReport } from '../../domain/compliance/model.js';
import type { PlanDocument } from '../../domain/model/interchange.js';
import type { IndicatorFacts } from '../../documents/monitoring-report.js';
import { labelsFor } from '../../documents/labels.js';
import {
  actionTitle,
  cents,
  pnrrText,
  priorityTitle,
  spendingByMeasure,
  spendingBySource,
  spendingTotal,
} from '../../documents/plan-facts.js';
import type { PageContext } from '../page-context.js';
import type { Freshness } from './freshness.js';
import { href } from '../page-context.js';
import { actionPath, planEditPath } from './paths.js';
import { PlanSubPage, type Desk } from './ui.js';

export interface DashboardView {
  planId: string;
  doc: PlanDocument;
  overdue: CalendarItem[];
  upcoming: CalendarItem[];
  compliance: ComplianceReport;
  /** Whether the viewer may add the proposed actions (the RTD). */
  canStart: boolean;
  indicators: IndicatorFacts[];
  freshness: Freshness;
}

/** How many findings the dashboard lists; the rest are counted. */
const FINDINGS_SHOWN = 10;
const SEVERITY_ORDER = { blocking: 0, warning: 1, info: 2 } as const;

/** Coverage of the national plan, blocking gaps first, and the way to the proposed actions. */
function Coverage({ desk, view }: { desk: Desk; view: DashboardView }) {
  const { ctx } = desk;
  const t = ctx.t;
  const f = ctx.f;
  const { summary } = view.compliance;
  const findings = [...view.compliance.findings].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
  const shown = findings.slice(0, FINDINGS_SHOWN);
  return (
    <section aria-labelledby="coverage-title">
      <h2 id="coverage-title">{t.stCoverage}</h2>
      <p>
        {t.stCoverageFigure(
          f.number(summary.covered),
          f.number(summary.required),
          f.percent(summary.percent ?? 0),
        )}{' '}
        {t.stBlockingCount(f.number(summary.blocking))} ·{' '}
        {t.stWarningCount(f.number(summary.warnings))}
      </p>
      {shown.length === 0 ? (
        <p>{t.stNoFindings}</p>
      ) : (
        <Table caption={t.stCoverage}>
          <thead>
            <tr>
              <th scope="col">{t.boStatus}</th>
              <th scope="col">{t.stFinding}</th>
              <th scope="col">{t.stSuggestion}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((finding, i) => (
              <tr key={i} data-severity={finding.severity}>
                <td>{t.stSeverity[finding.severity] ?? finding.severity}</td>
                <td>{finding.message}</td>
                <td>{finding.suggestion}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {findings.length > shown.length ? (
        <p>{t.stMoreFindings(f.number(findings.length - shown.length))}</p>
      ) : null}
      {view.canStart ? (
        <p>
          <a class="btn btn-outline-primary" href={href(ctx, `${planEditPath(view.planId)}/avvio`)}>
            {t.stOpenStarter}
          </a>
        </p>
      ) : null}
    </section>
  );
}

export function DashboardPage({ desk, view }: { desk: Desk; view: DashboardView }) {
  const { ctx } = desk;
  const t = ctx.t;
  const f = ctx.f;
  const { doc } = view;
  const title = doc.plan.title;
  const sources = spendingBySource(doc);
  return (
    <PlanSubPage
      desk={desk}
      title={t.boDashboardOf(title)}
      plan={{ id: view.planId, title: title }}
      section={t.boDashboard}
    >
      <Coverage desk={desk} view={view} />
      <h2>{t.boProgressByPriority}</h2>
      <Table caption={t.boProgressByPriority}>
        <thead>
          <tr>
            <th scope="col">{t.boPriority}</th>
            <th scope="col">{t.boActionsCount}</th>
            <th scope="col">{t.boCompletedCount}</th>
            <th scope="col">{t.boAverageProgress}</th>
          </tr>
        </thead>
        <tbody>
          {doc.priorities.map((p, i) => {
            const actions = doc.actions.filter((a) => a.priorityId === p.id);
            const done = actions.filter((a) => a.status === 'completed').length;
            const average = actions.length
              ? Math.round(actions.reduce((sum, a) => sum + a.progress, 0) / actions.length)
              : 0;
            return (
              <tr key={p.id} data-priority={p.id}>
                <th scope="row">{priorityTitle(p, i, ctx.lang)}</th>
                <td>{f.number(actions.length)}</td>
                <td>{f.number(done)}</td>
                <td>{f.percent(average)}</td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      <h2 class="mt-4">{t.boDeadlines}</h2>
      <Deadlines
        desk={desk}
        planId={view.planId}
        title={t.boOverdueItems(f.number(view.overdue.length))}
        items={view.overdue}
      />
      <Deadlines
        desk={desk}
        planId={view.planId}
        title={t.boUpcomingItems(f.number(view.upcoming.length))}
        items={view.upcoming}
      />
      <Indicators ctx={ctx} indicators={view.indicators} />
      <h2 class="mt-4">{t.boSpendingBySource}</h2>
      {sources.length === 0 ? (
        <p>{t.boNoSpending}</p>
      ) : (
        <Table caption={t.boSpendingBySource}>
          <thead>
            <tr>
              <th scope="col">{t.boSource}</th>
              <th scope="col">{t.boAmount}</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((s) => (
              <tr key={s.source}>
                <th scope="row">{s.source}</th>
                <td>{f.euro(s.amount)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t.boTotal}</th>
              <td>{f.euro(spendingTotal(doc))}</td>
            </tr>
          </tfoot>
        </Table>
      )}
      <SpendingByMeasure ctx={ctx} doc={doc} />
      <Currency desk={desk} view={view} />
    </PlanSubPage>
  );
}

function Indicators({ ctx, indicators }: { ctx: PageContext; indicators: IndicatorFacts[] }) {
  const t = ctx.t;
  const f = ctx.f;
  const L = labelsFor(ctx.lang);
  const withUnit = (value: number, unit: string | null) =>
    unit ? `${f.number(value)} ${unit}` : f.number(value);
  return (
    <section aria-labelledby="indicators-title">
      <h2 class="mt-4" id="indicators-title">
        {t.daIndicators}
      </h2>
      {indicators.length === 0 ? (
        <p>{t.daNoIndicators}</p>
      ) : (
        <>
          <p>{t.daIndicatorsIntro}</p>
          <Table caption={t.daIndicators}>
            <thead>
              <tr>
                <th scope="col">{t.daIndicator}</th>
                <th scope="col">{t.daTarget}</th>
                <th scope="col">{t.daLatest}</th>
                <th scope="col">{t.daWay}</th>
                <th scope="col">{t.daOutcome}</th>
              </tr>
            </thead>
            <tbody>
              {indicators.map((i) => {
                const unit = i.indicator.unit;
                return (
                  <tr key={i.indicator.id} data-indicator={i.indicator.id} data-outcome={i.outcome}>
                    <th scope="row">{i.indicator.name}</th>
                    <td>
                      {i.target !== null && i.targetYear !== null
                        ? t.daTargetOf(String(i.targetYear), withUnit(i.target, unit))
                        : '—'}
                    </td>
                    <td>
                      {i.latest
                        ? t.daLatestOf(
                            withUnit(i.latest.value, unit),
                            f.shortDate(i.latest.date),
                            t.daDaysAgo(daysSince(i.latest.date, ctx.today)),
                          )
                        : '—'}
                    </td>
                    <td>{i.achievement === null ? '—' : f.percent(i.achievement)}</td>
                    <td>{L.outcome[i.outcome]}</td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        </>
      )}
    </section>
  );
}

/** Whole days from a day to today (never negative: a clock fixed in the past reads as today). */
function daysSince(day: string, today: string) {
  return Math.max(0, Math.round((Date.parse(today) - Date.parse(day)) / 86_400_000));
}

function SpendingByMeasure({ ctx, doc }: { ctx: PageContext; doc: PlanDocument }) {
  const t = ctx.t;
  const measures = spendingByMeasure(doc);
  const total = measures.reduce((sum, m) => sum + cents(m.amount), 0) / 100;
  return (
    <>
      <h2 class="mt-4">{t.daSpendingByMeasure}</h2>
      {measures.length === 0 ? (
        <p>{t.daNoPnrrSpending}</p>
      ) : (
        <Table caption={t.daSpendingByMeasure}>
          <thead>
            <tr>
              <th scope="col">{t.daMeasure}</th>
              <th scope="col">{t.boAmount}</th>
            </tr>
          </thead>
          <tbody>
            {measures.map((m) => (
              <tr key={m.measure} data-measure={m.measure}>
                <th scope="row">{pnrrText([m.measure], ctx.lang)[0] ?? m.measure}</th>
                <td>{ctx.f.euro(m.amount)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t.boTotal}</th>
              <td>{ctx.f.euro(total)}</td>
            </tr>
          </tfoot>
        </Table>
      )}
    </>
  );
}

/** How current the plan is: units that never updated first, then the longest silent actions. */
function Currency({ desk, view }: { desk: Desk; view: DashboardView }) {
  const { ctx } = desk;
  const t = ctx.t;
  const f = ctx.f;
  const { units, stale, neverUpdated } = view.freshness;
  const day = (d: string | null) =>
    d === null ? t.daNever : t.daOn(f.shortDate(d), t.daDaysAgo(daysSince(d, ctx.today)));
  return (
    <section aria-labelledby="freshness-title">
      <h2 class="mt-4" id="freshness-title">
        {t.daFreshness}
      </h2>
      <p>{t.daFreshnessIntro(f.number(neverUpdated), f.number(view.doc.actions.length))}</p>
      {units.length > 0 ? (
        <Table caption={t.daByUnit}>
          <thead>
            <tr>
              <th scope="col">{t.daUnit}</th>
              <th scope="col">{t.daActions}</th>
              <th scope="col">{t.daUpdated}</th>
              <th scope="col">{t.daLastUpdate}</th>
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.unitId} data-unit={u.unitId}>
                <th scope="row">{u.name}</th>
                <td>{f.number(u.actions)}</td>
                <td>{f.number(u.updated)}</td>
                <td>{u.last === null ? <strong>{t.daNeverUpdated}</strong> : day(u.last)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      <h3 class="h5">{t.daStale}</h3>
      {stale.length === 0 ? (
        <p>{t.daNoStale}</p>
      ) : (
        <Table caption={t.daStale}>
          <thead>
            <tr>
              <th scope="col">{t.boAction}</th>
              <th scope="col">{t.daLastUpdate}</th>
            </tr>
          </thead>
          <tbody>
            {stale.map((s) => (
              <tr key={s.action.id} data-stale={s.action.id}>
                <th scope="row">
                  <a href={href(ctx, actionPath(view.planId, s.action.id))}>
                    {actionTitle(s.action)}
                  </a>
                </th>
                <td>{day(s.last)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}

function Deadlines(props: { desk: Desk; planId: string; title: string; items: CalendarItem[] }) {
  const { ctx } = props.desk;
  const t = ctx.t;
  return (
    <section class="mb-3">
      <h3 class="h5">{props.title}</h3>
      {props.items.length === 0 ? (
        <p>{t.boNoDeadlines}</p>
      ) : (
        <Table caption={props.title}>
          <thead>
            <tr>
              <th scope="col">{t.boDate}</th>
              <th scope="col">{t.boItem}</th>
            </tr>
          </thead>
          <tbody>
            {props.items.map((i) => (
              <tr key={i.uid}>
                <td>{ctx.f.shortDate(i.date)}</td>
                <td>
                  {i.actionId && i.kind === 'action' ? (
                    <a href={href(ctx, actionPath(props.planId, i.actionId))}>{i.title}</a>
                  ) : (
                    i.title
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}

export function Table(props: { caption: string; children: ComponentChildren }) {
  return (
    <div class="piano-table-wrapper" role="region" aria-label={props.caption} tabIndex={0}>
      <table class="table">
        <caption class="visually-hidden">{props.caption}</caption>
        {props.children}
      </table>
    </div>
  );
}
