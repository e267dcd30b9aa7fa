/**
 * The organization's plans (with a form to start a new one, for admins) and one plan's
 * priorities and actions, with forms to add a priority and an action.
 */
import type { ActionStatus } from '../../domain/model/action.js';
import type { TimingJson } from '../../domain/model/timing.js';
import { labelsFor } from '../../documents/labels.js';
import { StatusBadge } from '../components/ui.js';
import { href } from '../page-context.js';
import { PART_KINDS } from './part-kinds.js';
import { actionPath, partsPath, planEditPath } from './paths.js';
import {
  BackOfficePage,
  Csrf,
  ErrorSummary,
  Field,
  TextField,
  TimingDate,
  type Desk,
  type FieldErrors,
} from './ui.js';

export interface PlanSummary {
  id: string;
  title: string;
  startYear: number;
  endYear: number;
  status: string;
}

export function PlansPage(props: {
  desk: Desk;
  plans: PlanSummary[];
  canCreate: boolean;
  form: { title: string; startYear: string; endYear: string };
  errors: FieldErrors;
}) {
  const { desk, form, errors } = props;
  const { ctx } = desk;
  const t = ctx.t;
  const L = labelsFor(ctx.lang);
  return (
    <BackOfficePage desk={desk} title={t.boPlans} crumbs={[{ label: t.boPlans }]}>
      <h1>{t.boPlans}</h1>
      <p>{t.boPlansIntro}</p>
      {props.canCreate ? (
        <p>
          <a href={href(ctx, '/gestione/importa')}>{t.boImportLink}</a>
        </p>
      ) : null}
      {props.plans.length === 0 ? (
        <p>{t.boNoPlans}</p>
      ) : (
        <ul>
          {props.plans.map((p) => (
            <li key={p.id}>
              <a href={href(ctx, planEditPath(p.id))}>{p.title}</a> (
              {ctx.f.period(p.startYear, p.endYear)},{' '}
              {L.planStatus[p.status as keyof typeof L.planStatus] ?? p.status})
            </li>
          ))}
        </ul>
      )}
      {props.canCreate ? (
        <section class="mt-4" aria-labelledby="new-plan">
          <h2 id="new-plan">{t.boNewPlan}</h2>
          <ErrorSummary ctx={ctx} errors={errors} />
          <form method="post" action={href(ctx, '/gestione/piani')} novalidate>
            <Csrf value={desk.account.csrf} />
            <Field name="title" label={t.boPlanTitle} errors={errors}>
              {(a) => (
                <input {...a} type="text" class="form-control" value={form.title} maxLength={300} />
              )}
            </Field>
            <Field name="startYear" label={t.boStartYear} errors={errors}>
              {(a) => (
                <input
                  {...a}
                  type="text"
                  inputMode="numeric"
                  class="form-control"
                  value={form.startYear}
                />
              )}
            </Field>
            <Field name="endYear" label={t.boEndYear} errors={errors}>
              {(a) => (
                <input
                  {...a}
                  type="text"
                  inputMode="numeric"
                  class="form-control"
                  value={form.endYear}
                />
              )}
            </Field>
            <button type="submit" class="btn btn-primary">
              {t.boCreatePlan}
            </button>
          </form>
        </section>
      ) : null}
    </BackOfficePage>
  );
}

export interface PlanEditView {
  plan: PlanSummary & { organizationId: string };
  priorities: { id: string; code: string | null; title: string }[];
  actions: {
    id: string;
    title: string;
    priorityId: string;
    status: ActionStatus;
    timing: TimingJson | null;
    ownerUnitIds: string[];
  }[];
  units: { id: string; name: string }[];
}

export interface PlanForms {
  priority: { title: string; code: string };
  action: { title: string; priorityId: string; timing: string; unit: string };
  errors: FieldErrors;
  /** Which form the errors belong to. */
  failed: 'priority' | 'action' | null;
}

export function PlanEditPage(props: {
  desk: Desk;
  view: PlanEditView;
  canEdit: boolean;
  forms: PlanForms;
}) {
  const { desk, view, forms } = props;
  const { ctx } = desk;
  const t = ctx.t;
  const L = labelsFor(ctx.lang);
  const { plan } = view;
  const unitName = (id: string) => view.units.find((u) => u.id === id)?.name ?? id;
  const pErrors = forms.failed === 'priority' ? forms.errors : {};
  const aErrors = forms.failed === 'action' ? forms.errors : {};
  return (
    <BackOfficePage
      desk={desk}
      title={plan.title}
      crumbs={[{ label: t.boPlans, path: '/gestione/piani' }, { label: plan.title }]}
    >
      <h1>{plan.title}</h1>
      <p>
        {ctx.f.period(plan.startYear, plan.endYear)} · {t.boPlanStatus}:{' '}
        {L.planStatus[plan.status as keyof typeof L.planStatus] ?? plan.status} ·{' '}
        <a href={href(ctx, `${planEditPath(plan.id)}/cruscotto`)}>{t.boDashboard}</a> ·{' '}
        <a href={href(ctx, `${planEditPath(plan.id)}/dati`)}>{t.pfTitle}</a> ·{' '}
        <a href={href(ctx, `${planEditPath(plan.id)}/azioni`)}>{t.alOpen}</a> ·{' '}
        <a href={href(ctx, `${planEditPath(plan.id)}/modifiche`)}>{L.changes}</a> ·{' '}
        <a href={href(ctx, `${planEditPath(plan.id)}/pubblicazione`)}>{t.puTitle}</a>
        {props.canEdit ? (
          <>
            {' · '}
            <a href={href(ctx, `${planEditPath(plan.id)}/storico`)}>{t.hiHistory}</a>
          </>
        ) : null}
      </p>
      <nav aria-labelledby="plan-parts">
        <h2 id="plan-parts">{t.paParts}</h2>
        <p>{t.paPartsIntro}</p>
        <ul class="list-inline">
          {PART_KINDS.filter((k) => k.scope === 'plan').map((k) => (
            <li class="list-inline-item" key={k.segment}>
              <a href={href(ctx, partsPath(k, plan.id))}>{t.paKinds[k.segment]}</a>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{t.boPriorities}</h2>
      {view.priorities.length === 0 ? <p>{t.boNoPriorities}</p> : null}
      {view.priorities.map((p) => {
        const actions = view.actions.filter((a) => a.priorityId === p.id);
        return (
          <section key={p.id} class="mb-4" aria-labelledby={`priority-${p.id}`}>
            <h3 class="h4" id={`priority-${p.id}`}>
              {p.code ? `${p.code} – ` : ''}
              {p.title}
            </h3>
            {actions.length === 0 ? (
              <p>{t.boNothingHere}</p>
            ) : (
              <div
                class="piano-table-wrapper"
                role="region"
                aria-labelledby={`priority-${p.id}`}
                tabIndex={0}
              >
                <table class="table">
                  <caption class="visually-hidden">
                    {t.boActions}: {p.title}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.boAction}</th>
                      <th scope="col">{t.boStatus}</th>
                      <th scope="col">{t.boTiming}</th>
                      <th scope="col">{t.boUnit}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {actions.map((a) => (
                      <tr key={a.id}>
                        <th scope="row">
                          <a href={href(ctx, actionPath(plan.id, a.id))}>{a.title}</a>
                        </th>
                        <td>
                          <StatusBadge status={a.status} label={L.actionStatus[a.status]} />
                        </td>
                        <td>
                          {a.timing ? <q>{a.timing.text}</q> : null}{' '}
                          <TimingDate ctx={ctx} timing={a.timing} />
                        </td>
                        <td>{a.ownerUnitIds.map(unitName).join(', ') || t.boNoUnit}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        );
      })}
      {props.canEdit ? (
        <div class="row mt-4">
          <section class="col-lg-6" aria-labelledby="add-priority">
            <h2 id="add-priority">{t.boAddPriority}</h2>
            <ErrorSummary ctx={ctx} errors={pErrors} />
            <form method="post" action={href(ctx, `${planEditPath(plan.id)}/priorita`)} novalidate>
              <Csrf value={desk.account.csrf} />
              <TextField
                name="priorityTitle"
                input="title"
                label={t.boPriorityTitle}
                errors={pErrors}
                value={forms.priority.title}
                maxLength={500}
              />
              <TextField
                name="priorityCode"
                input="code"
                label={t.boCode}
                errors={pErrors}
                value={forms.priority.code}
                maxLength={30}
              />
              <button type="submit" class="btn btn-primary">
                {t.boAddPriority}
              </button>
            </form>
          </section>
          {view.priorities.length > 0 ? (
            <section class="col-lg-6" aria-labelledby="add-action">
              <h2 id="add-action">{t.boAddAction}</h2>
              <ErrorSummary ctx={ctx} errors={aErrors} />
              <form method="post" action={href(ctx, `${planEditPath(plan.id)}/azioni`)} novalidate>
                <Csrf value={desk.account.csrf} />
                <TextField
                  name="actionTitle"
                  input="title"
                  label={t.boActionTitle}
                  errors={aErrors}
                  value={forms.action.title}
                  maxLength={1000}
                />
                <Field name="actionPriority" label={t.boPriority} errors={aErrors}>
                  {(a) => (
                    <select {...a} name="priorityId" class="form-select">
                      {view.priorities.map((p) => (
                        <option value={p.id} selected={p.id === forms.action.priorityId} key={p.id}>
                          {p.code ? `${p.code} – ` : ''}
                          {p.title}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field
                  name="actionTiming"
                  label={t.boTiming}
                  errors={aErrors}
                  hint={
                    <>
                      {t.boTimingHint} <span id="field-actionTiming-meaning" aria-live="polite" />
                    </>
                  }
                >
                  {(a) => (
                    <input
                      {...a}
                      name="timing"
                      type="text"
                      class="form-control"
                      value={forms.action.timing}
                      maxLength={2000}
                      data-timing-url={href(ctx, `${planEditPath(plan.id)}/tempi`)}
                    />
                  )}
                </Field>
                <Field name="actionUnit" label={t.boUnit} errors={aErrors}>
                  {(a) => (
                    <select {...a} name="unit" class="form-select">
                      <option value="" selected={forms.action.unit === ''}>
                        {t.boNoUnit}
                      </option>
                      {view.units.map((u) => (
                        <option value={u.id} selected={u.id === forms.action.unit} key={u.id}>
                          {u.name}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <button type="submit" class="btn btn-primary">
                  {t.boAddAction}
                </button>
              </form>
            </section>
          ) : null}
        </div>
      ) : null}
    </BackOfficePage>
  );
}
