/**
 * A plan's dashboard for the RTD: progress by priority, overdue and upcoming deadlines from the
 * compliance calendar, spending by funding source. Tables only, each with a caption.
 */
import type { ComponentChildren } from 'preact';
import type { CalendarItem, ComplianceReport } from '../../domain/compliance/model.js';
import type { PlanDocument } from '../../domain/model/interchange.js';
import { priorityTitle, spendingBySource, spendingTotal } from '../../documents/plan-facts.js';
import { href } from '../page-context.js';
import { actionPath, planEditPath } from './paths.js';
import { BackOfficePage, type Desk } from './ui.js';

export interface DashboardView {
  planId: string;
  doc: PlanDocument;
  overdue: CalendarItem[];
  upcoming: CalendarItem[];
  compliance: ComplianceReport;
  /** Whether the viewer may add the proposed actions (the RTD). */
  canStart: boolean;
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
    <BackOfficePage
      desk={desk}
      title={t.boDashboardOf(title)}
      crumbs={[
        { label: t.boPlans, path: '/gestione/piani' },
        { label: title, path: planEditPath(view.planId) },
        { label: t.boDashboard },
      ]}
    >
      <h1>{t.boDashboardOf(title)}</h1>
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
    </BackOfficePage>
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
