/**
 * One action of a published plan: its facts, micro-actions, indicators and the public history
 * of its status and progress.
 */
import type { Action } from '../../domain/model/action.js';
import { labelsFor } from '../../documents/labels.js';
import {
  actionTitle,
  catalogText,
  pnrrText,
  priorityTitle,
  responsiblesOf,
  unitNames,
} from '../../documents/plan-facts.js';
import type { PublicPlan } from '../../operations/read-public-plan.js';
import type { PublicHistoryEvent } from '../../storage/portal.js';
import type { AssetUrls } from '../assets.js';
import { Layout, type PageOrganization } from '../components/layout.js';
import { Facts, Note, Progress, StatusBadge } from '../components/ui.js';
import { href, type PageContext } from '../page-context.js';
import { IndicatorBlock, Paragraphs, TextList, TimingWords } from './plan-page.js';
import { DataTable } from './tables.js';

export interface ActionPageProps {
  ctx: PageContext;
  assets: AssetUrls;
  organization: PageOrganization;
  planPath: string;
  plan: PublicPlan;
  action: Action;
  history: PublicHistoryEvent[];
}

export function ActionPage(props: ActionPageProps) {
  const { ctx, plan, action: a } = props;
  const doc = plan.document;
  const t = ctx.t;
  const L = labelsFor(ctx.lang);
  const units = unitNames(doc);
  const priorityIndex = doc.priorities.findIndex((p) => p.id === a.priorityId);
  const priority = doc.priorities[priorityIndex];
  const period = ctx.f.period(doc.plan.startYear, doc.plan.endYear);
  const indicators = doc.indicators.filter((i) => i.actionId === a.id);
  return (
    <Layout
      ctx={ctx}
      assets={props.assets}
      title={actionTitle(a)}
      description={`${doc.organization.name}, ${doc.plan.title} ${period}: ${a.title}`}
      organization={props.organization}
      crumbs={[
        { label: doc.organization.name, path: props.organization.path },
        { label: period, path: props.planPath },
        { label: a.code ?? a.title },
      ]}
    >
      <h1>{actionTitle(a)}</h1>
      <div class="piano-action-meta">
        <StatusBadge status={a.status} label={L.actionStatus[a.status]} />
        <Progress ctx={ctx} value={a.progress} />
      </div>
      <section aria-labelledby="azione-dati">
        <h2 id="azione-dati" class="visually-hidden">
          {t.actionFacts}
        </h2>
        <Facts
          items={[
            [t.priority, priority ? priorityTitle(priority, priorityIndex, ctx.lang) : null],
            [t.code, a.code],
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
          ]}
        />
        {a.description ? (
          <>
            <h3 class="h5">{t.description}</h3>
            <Paragraphs text={a.description} />
          </>
        ) : null}
      </section>

      <section aria-labelledby="micro-title">
        <h2 id="micro-title">{t.microActions}</h2>
        {a.microActions.length === 0 ? (
          <Note>{t.noMicroActions}</Note>
        ) : (
          <DataTable
            caption={t.microActionsCaption}
            head={[t.microAction, t.responsibles, t.timing, t.status]}
            rows={a.microActions.map((m) => [
              m.title,
              responsiblesOf(m, units),
              m.timing ? <TimingWords ctx={ctx} timing={m.timing} /> : L.timingNotStated,
              L.actionStatus[m.status],
            ])}
          />
        )}
      </section>

      <section aria-labelledby="indicatori-title">
        <h2 id="indicatori-title">{t.actionIndicators}</h2>
        {indicators.length === 0 ? (
          <Note>{t.noActionIndicators}</Note>
        ) : (
          indicators.map((i) => (
            <IndicatorBlock
              ctx={ctx}
              doc={doc}
              planPath={props.planPath}
              indicator={i}
              headingLevel={3}
              key={i.id}
            />
          ))
        )}
      </section>

      <section aria-labelledby="storia-title">
        <h2 id="storia-title">{t.historyTitle}</h2>
        <History {...props} />
      </section>

      <p>
        <a href={`${href(ctx, props.planPath)}#azione-${a.id}`}>{t.backToPlan}</a>
      </p>
    </Layout>
  );
}

function History({ ctx, history }: ActionPageProps) {
  const t = ctx.t;
  const L = labelsFor(ctx.lang);
  const changes = history.filter((e) => e.operation === 'update');
  if (changes.length === 0) return <Note>{t.noHistory}</Note>;
  const show = (field: string | null, value: unknown) => {
    if (value === null || value === undefined) return '';
    if (field === 'status') return L.actionStatus[value as Action['status']] ?? String(value);
    if (field === 'progress') return ctx.f.percent(Number(value));
    return String(value);
  };
  return (
    <DataTable
      caption={t.historyCaption}
      head={[t.historyWhen, t.historyWhat, t.historyBefore, t.historyAfter]}
      rows={history.map((e) =>
        e.operation === 'create'
          ? [ctx.f.shortDate(e.at), t.historyCreated, '', '']
          : [
              ctx.f.shortDate(e.at),
              t.historyFields[e.field ?? ''] ?? e.field ?? '',
              show(e.field, e.before),
              show(e.field, e.after),
            ],
      )}
    />
  );
}
