/**
 * The action editor: title, status, progress, timing in words (with the date it means shown),
 * owning unit. The form carries the version it read and the values it read, so that a save
 * sends only what the user changed; when someone else saved meanwhile, the same page shows what
 * they changed beside what the user typed, keeps the typed text in the form, and saving again
 * reapplies it on the current version.
 */
import { ACTION_STATUSES } from '../../domain/model/action.js';
import type { TimingJson } from '../../domain/model/timing.js';
import { labelsFor } from '../../documents/labels.js';
import { href } from '../page-context.js';
import { CatalogPicker, type PickerView } from './catalog-picker.js';
import { actionPath, planEditPath } from './paths.js';
import {
  BackOfficePage,
  ConflictNotice,
  Csrf,
  ErrorSummary,
  Field,
  TimingDate,
  type Desk,
  type FieldErrors,
} from './ui.js';

/** The editable fields as the form holds them (text, as typed). */
export interface ActionForm {
  title: string;
  status: string;
  progress: string;
  timing: string;
  unit: string;
}

export const ACTION_FORM_FIELDS: (keyof ActionForm)[] = [
  'title',
  'status',
  'progress',
  'timing',
  'unit',
];

/** The form's fields from a stored action. */
export function actionFormOf(row: Record<string, unknown>): ActionForm {
  const timing = row.timing as TimingJson | null;
  const units = (row.ownerUnitIds as string[] | undefined) ?? [];
  return {
    title: String(row.title ?? ''),
    status: String(row.status ?? 'planned'),
    progress: String(row.progress ?? 0),
    timing: timing?.text ?? '',
    unit: units[0] ?? '',
  };
}

export interface Conflict {
  /** What the user's form was built from. */
  read: ActionForm;
  /** What the user typed. */
  typed: ActionForm;
  /** What is stored now. */
  current: ActionForm;
}

/**
 * After a conflict, the form to show: the fields the user changed from what they read, over what
 * is stored now — saving again reapplies their changes and keeps the other person's.
 */
export function mergeTyped(typed: ActionForm, read: ActionForm, current: ActionForm): ActionForm {
  const merged = { ...current };
  for (const f of ACTION_FORM_FIELDS) if (typed[f] !== read[f]) merged[f] = typed[f];
  return merged;
}

export interface ActionPageProps {
  desk: Desk;
  planId: string;
  planTitle: string;
  /** The stored action (its version goes into the form). */
  row: Record<string, unknown> & { id: string; version: number };
  /** What the form shows: the stored values, or what the user typed. */
  form: ActionForm;
  /** The values the form was built from (sent back to compute the changes). */
  read: ActionForm;
  units: { id: string; name: string }[];
  canChangeUnit: boolean;
  /** An approved or published revision: only status and progress can change. */
  frozen: boolean;
  errors: FieldErrors;
  conflict?: Conflict | undefined;
  /** The links to the national plan and the search for more (see catalog-picker.tsx). */
  picker?: PickerView | undefined;
}

export function ActionEditPage(props: ActionPageProps) {
  const { desk, row, form, errors, conflict } = props;
  const { ctx } = desk;
  const t = ctx.t;
  const L = labelsFor(ctx.lang);
  const unitName = (id: string) => props.units.find((u) => u.id === id)?.name ?? id;
  const shown = (field: keyof ActionForm, value: string) =>
    field === 'status'
      ? (L.actionStatus[value as keyof typeof L.actionStatus] ?? value)
      : field === 'unit'
        ? value
          ? unitName(value)
          : t.boNoUnit
        : value || '—';
  const labels: Record<keyof ActionForm, string> = {
    title: t.boTitle,
    status: t.boStatus,
    progress: t.boProgress,
    timing: t.boTiming,
    unit: t.boUnit,
  };
  const title = String(row.title);
  return (
    <BackOfficePage
      desk={desk}
      title={`${t.boEditAction}: ${title}`}
      crumbs={[{ label: props.planTitle, path: planEditPath(props.planId) }, { label: title }]}
    >
      <h1>{title}</h1>
      <p>
        {t.boVersion(String(row.version))} ·{' '}
        <TimingDate ctx={ctx} timing={(row.timing as TimingJson | null) ?? null} />
        {props.canChangeUnit ? (
          <>
            {' · '}
            <a
              href={`${href(ctx, `${planEditPath(props.planId)}/storico`)}?tipo=action&voce=${encodeURIComponent(row.id)}`}
            >
              {t.hiHistory}
            </a>
          </>
        ) : null}
      </p>
      {conflict ? (
        <ConflictNotice
          ctx={ctx}
          title={t.boConflictTitle}
          text={t.boConflictText}
          rows={ACTION_FORM_FIELDS.filter(
            (f) =>
              conflict.read[f] !== conflict.current[f] || conflict.read[f] !== conflict.typed[f],
          ).map((f) => ({
            field: f,
            label: labels[f],
            read: shown(f, conflict.read[f]),
            current: shown(f, conflict.current[f]),
            typed: shown(f, conflict.typed[f]),
          }))}
        />
      ) : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      {props.frozen ? <p class="alert alert-info">{t.boFrozenNote}</p> : null}
      <form method="post" action={href(ctx, actionPath(props.planId, row.id))} novalidate>
        <Csrf value={desk.account.csrf} />
        <input type="hidden" name="version" value={String(row.version)} />
        {ACTION_FORM_FIELDS.map((f) => (
          <input type="hidden" name={`read_${f}`} value={props.read[f]} key={f} />
        ))}
        <Field name="title" label={t.boTitle} errors={errors}>
          {(a) => (
            <input
              {...a}
              type="text"
              class="form-control"
              value={form.title}
              maxLength={1000}
              required
              readOnly={props.frozen}
            />
          )}
        </Field>
        <Field name="status" label={t.boStatus} errors={errors}>
          {(a) => (
            <select {...a} class="form-select">
              {ACTION_STATUSES.map((s) => (
                <option value={s} selected={s === form.status} key={s}>
                  {L.actionStatus[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="progress" label={t.boProgress} errors={errors}>
          {(a) => (
            <input
              {...a}
              type="number"
              min={0}
              max={100}
              step={1}
              class="form-control"
              value={form.progress}
              required
            />
          )}
        </Field>
        <Field
          name="timing"
          label={t.boTiming}
          errors={errors}
          hint={
            <>
              {t.boTimingHint}{' '}
              <span id="field-timing-meaning" aria-live="polite">
                <TimingDate ctx={ctx} timing={(row.timing as TimingJson | null) ?? null} />
              </span>
            </>
          }
        >
          {(a) => (
            <input
              {...a}
              type="text"
              class="form-control"
              value={form.timing}
              maxLength={2000}
              readOnly={props.frozen}
              data-timing-url={href(ctx, `${planEditPath(props.planId)}/tempi`)}
            />
          )}
        </Field>
        {props.canChangeUnit && !props.frozen ? (
          <Field name="unit" label={t.boUnit} errors={errors}>
            {(a) => (
              <select {...a} class="form-select">
                <option value="" selected={form.unit === ''}>
                  {t.boNoUnit}
                </option>
                {props.units.map((u) => (
                  <option value={u.id} selected={u.id === form.unit} key={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : (
          <>
            <input type="hidden" name="unit" value={form.unit} />
            <p>
              {t.boUnit}: {shown('unit', form.unit)}
            </p>
          </>
        )}
        <button type="submit" class="btn btn-primary">
          {conflict ? t.boReapply : t.boSave}
        </button>
      </form>
      {props.picker ? (
        <CatalogPicker
          desk={desk}
          planId={props.planId}
          actionId={row.id}
          version={row.version}
          view={props.picker}
        />
      ) : null}
      <p class="mt-4">
        <a href={href(ctx, '/gestione/lavoro')}>{t.boBackToWork}</a> ·{' '}
        <a href={href(ctx, planEditPath(props.planId))}>{t.boBackToPlan}</a>
      </p>
    </BackOfficePage>
  );
}
