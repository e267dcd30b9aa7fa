/**
 * The action list of a plan in the back office: a GET form (search, priority, unit, status,
 * year, overdue only, order, view) and either a table of the actions or their timeline by year.
 * Every view is a plain link; nothing needs a script.
 */
import type { Action } from '../../domain/model/action.js';
import type { PlanDocument } from '../../domain/model/interchange.js';
import { labelsFor } from '../../documents/labels.js';
import { actionTitle, priorityTitle, timingYears, unitNames } from '../../documents/plan-facts.js';
import { StatusBadge } from '../components/ui.js';
import { href } from '../page-context.js';
import { unitsWithActions } from '../portal/filters.js';
import { TableWrap } from '../portal/tables.js';
import {
  ACTION_SORTS,
  ACTION_VIEWS,
  LIST_PARAMS,
  isOverdue,
  narrows,
  type ActionListQuery,
} from './action-list.js';
import { actionPath, planEditPath } from './paths.js';
import { PlanSubPage, ErrorSummary, Field, TimingDate, type Desk, type FieldErrors } from './ui.js';

export interface ActionListView {
  planId: string;
  doc: PlanDocument;
  query: ActionListQuery;
  shown: Action[];
  errors: FieldErrors;
}

export const actionListPath = (planId: string) => `${planEditPath(planId)}/azioni`;

export function ActionListPage({ desk, view }: { desk: Desk; view: ActionListView }) {
  const { ctx } = desk;
  const t = ctx.t;
  const f = ctx.f;
  const { doc, query, shown } = view;
  const title = doc.plan.title;
  const total = doc.actions.length;
  return (
    <PlanSubPage
      desk={desk}
      title={t.alTitleOf(title)}
      plan={{ id: view.planId, title: title }}
      section={t.alTitle}
    >
      {total === 0 ? (
        <p>{t.alNoActions}</p>
      ) : (
        <>
          <ErrorSummary ctx={ctx} errors={view.errors} />
          <FilterForm desk={desk} view={view} />
          <p id="action-count">
            {t.alCount(f.number(shown.length), f.number(total))}
            {narrows(query) ? (
              <>
                {' '}
                <a href={href(ctx, actionListPath(view.planId))}>{t.alShowAll}</a>
              </>
            ) : null}
          </p>
          {shown.length === 0 ? (
            <p>{t.alNone}</p>
          ) : query.view === 'anni' ? (
            <Timeline desk={desk} view={view} />
          ) : (
            <ActionTable desk={desk} view={view} />
          )}
        </>
      )}
      <p class="mt-4">
        <a href={href(ctx, planEditPath(view.planId))}>{t.boBackToPlan}</a>
      </p>
    </PlanSubPage>
  );
}

function FilterForm({ desk, view }: { desk: Desk; view: ActionListView }) {
  const { ctx } = desk;
  const t = ctx.t;
  const L = labelsFor(ctx.lang);
  const { doc, query } = view;
  const years: number[] = [];
  for (let y = doc.plan.startYear; y <= doc.plan.endYear; y += 1) years.push(y);
  const select = (
    name: string,
    label: string,
    options: [value: string, label: string][],
    value: string | undefined,
    any?: string,
  ) => (
    <div class="col-md-4 col-lg-3 piano-field" key={name}>
      <label for={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} class="form-select">
        {any !== undefined ? <option value="">{any}</option> : null}
        {options.map(([v, l]) => (
          <option value={v} selected={v === value} key={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form method="get" action={href(ctx, actionListPath(view.planId))} aria-labelledby="filters">
      <h2 class="h4" id="filters">
        {t.alFilters}
      </h2>
      <Field name="search" label={t.alSearch} errors={view.errors} hint={t.alSearchHint}>
        {(a) => (
          <input
            {...a}
            name={LIST_PARAMS.search}
            type="search"
            class="form-control"
            value={query.search}
            maxLength={200}
          />
        )}
      </Field>
      <div class="row">
        {select(
          LIST_PARAMS.priority,
          t.filterPriority,
          doc.priorities.map((p, i) => [p.id, priorityTitle(p, i, ctx.lang)]),
          query.filters.priority,
          t.filterAnyFeminine,
        )}
        {select(
          LIST_PARAMS.unit,
          t.filterUnit,
          unitsWithActions(doc).map((u) => [u.id, u.name]),
          query.filters.unit,
          t.filterAny,
        )}
        {select(
          LIST_PARAMS.status,
          t.filterStatus,
          Object.entries(L.actionStatus),
          query.filters.status,
          t.filterAny,
        )}
        {select(
          LIST_PARAMS.year,
          t.filterYear,
          years.map((y) => [String(y), String(y)]),
          query.filters.year === undefined ? undefined : String(query.filters.year),
          t.filterAny,
        )}
        {select(
          LIST_PARAMS.sort,
          t.alSort,
          ACTION_SORTS.map((s) => [s, t.alSorts[s] ?? s]),
          query.sort,
        )}
        {select(
          LIST_PARAMS.view,
          t.alView,
          ACTION_VIEWS.map((v) => [v, t.alViews[v] ?? v]),
          query.view,
        )}
      </div>
      <div class="form-check mb-3">
        <input
          class="form-check-input"
          type="checkbox"
          id="filter-overdue"
          name={LIST_PARAMS.overdue}
          value="1"
          checked={query.overdueOnly}
        />
        <label class="form-check-label" for="filter-overdue">
          {t.alOverdueOnly}
        </label>
      </div>
      <button type="submit" class="btn btn-primary mb-3">
        {t.alApply}
      </button>
    </form>
  );
}

function ActionTable({ desk, view }: { desk: Desk; view: ActionListView }) {
  const { ctx } = desk;
  const t = ctx.t;
  const L = labelsFor(ctx.lang);
  const { doc } = view;
  const units = unitNames(doc);
  const priorities = new Map(doc.priorities.map((p, i) => [p.id, priorityTitle(p, i, ctx.lang)]));
  const today = ctx.today;
  return (
    <TableWrap label={t.alTitle}>
      <table class="table">
        <caption class="visually-hidden">{t.alTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{t.boAction}</th>
            <th scope="col">{t.boPriority}</th>
            <th scope="col">{t.boStatus}</th>
            <th scope="col">{t.boProgress}</th>
            <th scope="col">{t.boTiming}</th>
            <th scope="col">{t.boUnit}</th>
          </tr>
        </thead>
        <tbody>
          {view.shown.map((a) => (
            <tr key={a.id} data-action={a.id}>
              <th scope="row">
                <a href={href(ctx, actionPath(view.planId, a.id))}>{actionTitle(a)}</a>
              </th>
              <td>{priorities.get(a.priorityId) ?? '—'}</td>
              <td>
                <StatusBadge status={a.status} label={L.actionStatus[a.status]} />
                {isOverdue(a, today) ? (
                  <>
                    {' '}
                    <strong class="piano-field-error">{t.alOverdue}</strong>
                  </>
                ) : null}
              </td>
              <td>{ctx.f.percent(a.progress)}</td>
              <td>
                {a.timing ? <q>{a.timing.text}</q> : null}{' '}
                <TimingDate ctx={ctx} timing={a.timing} />
              </td>
              <td>{a.ownerUnitIds.map((id) => units.get(id) ?? id).join(', ') || t.boNoUnit}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** Rows are actions, columns the plan's years; a cell says whether the action runs or ends then. */
function Timeline({ desk, view }: { desk: Desk; view: ActionListView }) {
  const { ctx } = desk;
  const t = ctx.t;
  const { startYear, endYear } = view.doc.plan;
  const years: number[] = [];
  for (let y = startYear; y <= endYear; y += 1) years.push(y);
  return (
    <TableWrap label={t.alTimelineCaption}>
      <table class="table table-sm">
        <caption>{t.alTimelineCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.boAction}</th>
            {years.map((y) => (
              <th scope="col" class="piano-year-mark" key={y}>
                {y}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.shown.map((a) => {
            const active = new Set(timingYears(a.timing, startYear, endYear));
            const due = a.timing?.due ?? null;
            return (
              <tr key={a.id} data-action={a.id}>
                <th scope="row">
                  <a href={href(ctx, actionPath(view.planId, a.id))}>{actionTitle(a)}</a>
                </th>
                {years.map((y) => (
                  <td class="piano-year-mark" key={y} data-year={y}>
                    {due && Number(due.slice(0, 4)) === y ? (
                      t.alDueYear(ctx.f.shortDate(due))
                    ) : active.has(y) ? (
                      t.alActiveYear
                    ) : (
                      <span class="visually-hidden">{t.alIdleYear}</span>
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}
