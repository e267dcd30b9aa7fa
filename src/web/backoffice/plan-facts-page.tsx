/**
 * The plan facts editor: title, period, revision label, national edition and related planning
 * instruments, with the version read; a conflict shows what changed beside what was typed.
 */
import { INSTRUMENT_KINDS } from '../../domain/model/plan.js';
import { labelsFor } from '../../documents/labels.js';
import { href } from '../page-context.js';
import { planEditPath } from './paths.js';
import {
  EXTRA_INSTRUMENT_ROWS,
  instrumentField,
  readFields,
  type InstrumentForm,
  type PlanFactsForm,
} from './plan-facts.js';
import {
  PlanSubPage,
  ConflictNotice,
  Csrf,
  ErrorSummary,
  Field,
  TextField,
  type Desk,
  type FieldErrors,
} from './ui.js';

export interface PlanFactsView {
  planId: string;
  planTitle: string;
  version: number;
  /** What the form shows: the stored values, or what the user typed. */
  form: PlanFactsForm;
  /** What the form was built from. */
  read: PlanFactsForm;
  editions: string[];
  editable: 'yes' | 'frozen' | 'not_admin';
  errors: FieldErrors;
  /** When someone saved meanwhile: what the user read, typed, and what is stored now. */
  conflict?: { read: PlanFactsForm; typed: PlanFactsForm; current: PlanFactsForm } | undefined;
}

export const planFactsPath = (planId: string) => `${planEditPath(planId)}/dati`;

export function PlanFactsPage({ desk, view }: { desk: Desk; view: PlanFactsView }) {
  const { ctx } = desk;
  const t = ctx.t;
  const L = labelsFor(ctx.lang);
  const { form, errors } = view;
  const instruments = (f: PlanFactsForm) =>
    f.instruments
      .map((i) => `${L.instrument[i.kind as keyof typeof L.instrument] ?? i.kind}: ${i.label}`)
      .join('; ') || t.pfNone;
  const scalars = {
    title: t.boPlanTitle,
    startYear: t.boStartYear,
    endYear: t.boEndYear,
    revisionLabel: t.pfRevisionLabel,
    nationalEdition: t.pfEdition,
  } as const;
  const conflictRows = view.conflict
    ? [
        ...(Object.keys(scalars) as (keyof typeof scalars)[]).map((k) => ({
          field: k,
          label: scalars[k],
          read: view.conflict!.read[k] || '—',
          current: view.conflict!.current[k] || '—',
          typed: view.conflict!.typed[k] || '—',
        })),
        {
          field: 'instruments',
          label: t.pfInstruments,
          read: instruments(view.conflict.read),
          current: instruments(view.conflict.current),
          typed: instruments(view.conflict.typed),
        },
      ].filter((r) => r.read !== r.current || r.read !== r.typed)
    : [];
  const rows: InstrumentForm[] = [
    ...form.instruments,
    ...Array.from({ length: EXTRA_INSTRUMENT_ROWS }, () => ({
      kind: 'DUP',
      label: '',
      section: '',
      reference: '',
    })),
  ];
  return (
    <PlanSubPage
      desk={desk}
      title={t.pfTitleOf(view.planTitle)}
      plan={{ id: view.planId, title: view.planTitle }}
      section={t.pfTitle}
    >
      <p>{t.pfIntro}</p>
      {view.conflict ? (
        <ConflictNotice
          ctx={ctx}
          title={t.pfConflictTitle}
          text={t.pfConflictText}
          rows={conflictRows}
        />
      ) : null}
      {view.editable !== 'yes' ? (
        <>
          <p class="alert alert-info">{view.editable === 'frozen' ? t.pfFrozen : t.pfOnlyAdmins}</p>
          <dl>
            {(Object.keys(scalars) as (keyof typeof scalars)[]).map((k) => (
              <div key={k}>
                <dt>{scalars[k]}</dt>
                <dd>{form[k] || '—'}</dd>
              </div>
            ))}
            <dt>{t.pfInstruments}</dt>
            <dd>{instruments(form)}</dd>
          </dl>
        </>
      ) : (
        <>
          <ErrorSummary ctx={ctx} errors={errors} />
          <form method="post" action={href(ctx, planFactsPath(view.planId))} novalidate>
            <Csrf value={desk.account.csrf} />
            <input type="hidden" name="version" value={String(view.version)} />
            {Object.entries(readFields(view.read)).map(([name, value]) => (
              <input type="hidden" name={name} value={value} key={name} />
            ))}
            <TextField
              name="title"
              label={t.boPlanTitle}
              errors={errors}
              value={form.title}
              maxLength={300}
            />
            <div class="row">
              <div class="col-md-6">
                <TextField
                  name="startYear"
                  label={t.boStartYear}
                  errors={errors}
                  value={form.startYear}
                  maxLength={4}
                />
              </div>
              <div class="col-md-6">
                <TextField
                  name="endYear"
                  label={t.boEndYear}
                  errors={errors}
                  value={form.endYear}
                  maxLength={4}
                />
              </div>
            </div>
            <TextField
              name="revisionLabel"
              label={t.pfRevisionLabel}
              hint={t.pfRevisionHint}
              errors={errors}
              value={form.revisionLabel}
              maxLength={200}
            />
            <Field
              name="nationalEdition"
              label={t.pfEdition}
              hint={t.pfEditionHint(view.editions.join(', '))}
              errors={errors}
            >
              {(a) => (
                <select {...a} class="form-select">
                  <option value="" selected={form.nationalEdition === ''}>
                    {t.pfNoEdition}
                  </option>
                  {[...new Set([...view.editions, form.nationalEdition].filter(Boolean))].map(
                    (e) => (
                      <option value={e} selected={e === form.nationalEdition} key={e}>
                        {e}
                      </option>
                    ),
                  )}
                </select>
              )}
            </Field>
            <fieldset class="mt-4">
              <legend class="h4">{t.pfInstruments}</legend>
              <p class="piano-hint">{t.pfInstrumentsHint}</p>
              {rows.map((row, n) => (
                <fieldset class="piano-instrument mb-3" key={n}>
                  <legend class="h6">{t.pfInstrument(String(n + 1))}</legend>
                  <div class="row">
                    <div class="col-md-3">
                      <Field
                        name={instrumentField(n, 'kind')}
                        label={t.pfInstrumentKind}
                        errors={errors}
                      >
                        {(a) => (
                          <select {...a} class="form-select">
                            {INSTRUMENT_KINDS.map((k) => (
                              <option value={k} selected={k === row.kind} key={k}>
                                {L.instrument[k]}
                              </option>
                            ))}
                          </select>
                        )}
                      </Field>
                    </div>
                    <div class="col-md-9">
                      <TextField
                        name={instrumentField(n, 'label')}
                        label={t.pfInstrumentLabel}
                        errors={errors}
                        value={row.label}
                        maxLength={300}
                      />
                    </div>
                    <div class="col-md-6">
                      <TextField
                        name={instrumentField(n, 'section')}
                        label={t.pfInstrumentSection}
                        errors={errors}
                        value={row.section}
                        maxLength={100}
                      />
                    </div>
                    <div class="col-md-6">
                      <TextField
                        name={instrumentField(n, 'reference')}
                        label={t.pfInstrumentReference}
                        errors={errors}
                        value={row.reference}
                        maxLength={500}
                      />
                    </div>
                  </div>
                </fieldset>
              ))}
            </fieldset>
            <button type="submit" class="btn btn-primary">
              {view.conflict ? t.boReapply : t.pfSave}
            </button>
          </form>
        </>
      )}
      <p class="mt-4">
        <a href={href(ctx, planEditPath(view.planId))}>{t.boBackToPlan}</a>
      </p>
    </PlanSubPage>
  );
}
