/**
 * The pages of the generic part editor: the list of one kind of part with the form to add one,
 * and one part's edit form with its deletion behind a confirmation. The fields come from the
 * kind's schema (part-kinds.ts). Like the action editor, the edit form carries the version and
 * the values it read; after a conflict the page shows what changed beside what the user typed.
 */
import type { TimingJson } from '../../domain/model/timing.js';
import type { EntityType } from '../../operations/part-tables.js';
import { href, type PageContext } from '../page-context.js';
import {
  enumLabel,
  fieldLabel,
  fieldsOf,
  formNames,
  specByName,
  type FieldSpec,
  type PartForm,
  type PartKind,
} from './part-kinds.js';
import { partPath, partsPath, planEditPath } from './paths.js';
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

export type PartOptions = Partial<Record<EntityType, { id: string; name: string }[]>>;

/** Where the kind's parts live: a plan (with its title) or the organization. */
export interface PartPlace {
  kind: PartKind;
  plan: { id: string; title: string } | null;
  /** Why nothing can be changed (a published plan, a viewer), or null when forms are shown. */
  readOnly: string | null;
  options: PartOptions;
}

function crumbsOf(ctx: PageContext, place: PartPlace, item?: string) {
  const kindLabel = ctx.t.paKinds[place.kind.segment] ?? place.kind.segment;
  const planId = place.plan?.id ?? null;
  const list = { label: kindLabel, path: partsPath(place.kind, planId) };
  const head = place.plan
    ? [
        { label: ctx.t.boPlans, path: '/gestione/piani' },
        { label: place.plan.title, path: planEditPath(place.plan.id) },
      ]
    : [{ label: ctx.t.paOrganization, path: '/gestione/ente/settori' }];
  return item ? [...head, list, { label: item }] : [...head, { label: kindLabel }];
}

/** What a form value means to a reader: an enum's word, a part's name, or the text. */
function shown(ctx: PageContext, place: PartPlace, name: string, text: string) {
  const spec = specByName(place.kind, name);
  if (!text) return '—';
  if (spec?.input.is === 'enum') return enumLabel(ctx, place.kind, spec.prop, text);
  if (spec?.input.is === 'ref') {
    return place.options[spec.input.part]?.find((o) => o.id === text)?.name ?? text;
  }
  return text;
}

export function PartListPage(props: {
  desk: Desk;
  place: PartPlace;
  items: { id: string; title: string }[];
  canAdd: boolean;
  form: PartForm;
  errors: FieldErrors;
}) {
  const { desk, place, form, errors } = props;
  const { ctx } = desk;
  const t = ctx.t;
  const kindLabel = t.paKinds[place.kind.segment] ?? place.kind.segment;
  const planId = place.plan?.id ?? null;
  const action = href(ctx, partsPath(place.kind, planId));
  return (
    <BackOfficePage desk={desk} title={kindLabel} crumbs={crumbsOf(ctx, place)}>
      <h1>{kindLabel}</h1>
      {place.plan ? null : <OrganizationKinds ctx={ctx} current={place.kind.segment} />}
      {place.readOnly ? <p class="alert alert-info">{place.readOnly}</p> : null}
      <p>{t.paCount(String(props.items.length))}</p>
      {props.items.length === 0 ? (
        <p>{t.paNone}</p>
      ) : (
        <ul data-parts={place.kind.segment}>
          {props.items.map((i) => (
            <li key={i.id}>
              <a href={href(ctx, partPath(place.kind, planId, i.id))}>{i.title}</a>
            </li>
          ))}
        </ul>
      )}
      {props.canAdd ? (
        <section aria-labelledby="add-part">
          <h2 id="add-part">{t.paAddTitle(kindLabel)}</h2>
          <ErrorSummary ctx={ctx} errors={summaryOf(ctx, place.kind, errors)} />
          <form method="post" action={action} novalidate>
            <Csrf value={desk.account.csrf} />
            {place.kind.parent ? (
              <Field
                name="parent"
                label={t.paParents[place.kind.segment] ?? t.paParent}
                errors={errors}
              >
                {(a) => (
                  <select {...a} class="form-select" required>
                    {(place.options[place.kind.parent ?? 'action'] ?? []).map((o) => (
                      <option value={o.id} selected={o.id === form.parent} key={o.id}>
                        {o.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ) : null}
            <PartFields ctx={ctx} place={place} form={form} errors={errors} row={null} />
            <button type="submit" class="btn btn-primary">
              {t.paAdd}
            </button>
          </form>
        </section>
      ) : null}
      <p class="mt-4">
        {place.plan ? (
          <a href={href(ctx, planEditPath(place.plan.id))}>{t.boBackToPlan}</a>
        ) : (
          <a href={href(ctx, '/gestione')}>{t.boBackOffice}</a>
        )}
      </p>
    </BackOfficePage>
  );
}

function OrganizationKinds({ ctx, current }: { ctx: PageContext; current: string }) {
  return (
    <nav aria-label={ctx.t.paOrganization}>
      <p>{ctx.t.paOrganizationIntro}</p>
      <ul class="list-inline">
        {['settori', 'ruoli'].map((segment) => (
          <li class="list-inline-item" key={segment}>
            <a
              href={href(ctx, `/gestione/ente/${segment}`)}
              aria-current={segment === current ? 'page' : undefined}
            >
              {ctx.t.paKinds[segment]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export interface PartConflict {
  read: PartForm;
  current: PartForm;
  /** What the user sent (the form keeps it where they changed a field, theirs elsewhere). */
  typed: PartForm;
}

/** The summary's lines name their field: "Descrizione: Campo obbligatorio". */
function summaryOf(ctx: PageContext, kind: PartKind, errors: FieldErrors): FieldErrors {
  return Object.fromEntries(
    Object.entries(errors).map(([name, message]) => {
      const spec = specByName(kind, name);
      const label = spec
        ? fieldLabel(ctx.t, spec)
        : name === 'parent'
          ? (ctx.t.paParents[kind.segment] ?? ctx.t.paParent)
          : null;
      return [name, label ? `${label}: ${message}` : message];
    }),
  );
}

export function PartEditPage(props: {
  desk: Desk;
  place: PartPlace;
  row: Record<string, unknown> & { id: string; version: number };
  title: string;
  form: PartForm;
  read: PartForm;
  errors: FieldErrors;
  conflict?: PartConflict | undefined;
}) {
  const { desk, place, row, form, errors, conflict } = props;
  const { ctx } = desk;
  const t = ctx.t;
  const kindLabel = t.paKinds[place.kind.segment] ?? place.kind.segment;
  const planId = place.plan?.id ?? null;
  const action = href(ctx, partPath(place.kind, planId, row.id));
  const names = formNames(place.kind);
  const parent = place.kind.parent;
  const parentKey = parent ? (row.actionId as string | undefined) : undefined;
  return (
    <BackOfficePage
      desk={desk}
      title={t.paEditTitle(kindLabel, props.title)}
      crumbs={crumbsOf(ctx, place, props.title)}
    >
      <h1>{props.title}</h1>
      <p>
        {kindLabel} · {t.boVersion(String(row.version))}
        {parent && parentKey ? (
          <>
            {' · '}
            {t.paParents[place.kind.segment] ?? t.paParent}:{' '}
            {place.options[parent]?.find((o) => o.id === parentKey)?.name ?? parentKey}
          </>
        ) : null}
      </p>
      {place.readOnly ? <p class="alert alert-info">{place.readOnly}</p> : null}
      {conflict ? (
        <ConflictNotice
          ctx={ctx}
          title={t.paConflictTitle}
          text={t.paConflictText}
          readLabel={t.paYouRead}
          rows={names
            .filter(
              (n) =>
                (conflict.read[n] ?? '') !== (conflict.current[n] ?? '') ||
                (conflict.read[n] ?? '') !== (conflict.typed[n] ?? ''),
            )
            .map((n) => ({
              field: n,
              label: fieldLabel(t, specByName(place.kind, n) ?? { name: n, prop: n }),
              read: shown(ctx, place, n, conflict.read[n] ?? ''),
              current: shown(ctx, place, n, conflict.current[n] ?? ''),
              typed: shown(ctx, place, n, conflict.typed[n] ?? ''),
            }))}
        />
      ) : null}
      <ErrorSummary ctx={ctx} errors={summaryOf(ctx, place.kind, errors)} />
      {place.readOnly ? (
        <PartFacts ctx={ctx} place={place} form={form} row={row} />
      ) : (
        <>
          <form method="post" action={action} novalidate>
            <Csrf value={desk.account.csrf} />
            <input type="hidden" name="version" value={String(row.version)} />
            {names.map((n) => (
              <input type="hidden" name={`read_${n}`} value={props.read[n] ?? ''} key={n} />
            ))}
            <PartFields ctx={ctx} place={place} form={form} errors={errors} row={row} />
            <button type="submit" class="btn btn-primary">
              {conflict ? t.boReapply : t.boSave}
            </button>
          </form>
          <section aria-labelledby="delete-part" class="mt-5">
            <h2 id="delete-part" class="h4">
              {t.paDeleteTitle}
            </h2>
            <p>{t.paDeleteText}</p>
            <form method="post" action={`${action}/elimina`}>
              <Csrf value={desk.account.csrf} />
              <input type="hidden" name="version" value={String(row.version)} />
              <div class="form-check mb-3">
                <input
                  type="checkbox"
                  class="form-check-input"
                  id="field-conferma"
                  name="conferma"
                  value="1"
                  aria-invalid={errors.conferma ? 'true' : undefined}
                  aria-describedby={errors.conferma ? 'field-conferma-error' : undefined}
                />
                <label class="form-check-label" for="field-conferma">
                  {t.paDeleteConfirm}
                </label>
                {errors.conferma ? (
                  <p class="piano-field-error" id="field-conferma-error">
                    {errors.conferma}
                  </p>
                ) : null}
              </div>
              <button type="submit" class="btn btn-outline-danger">
                {t.paDelete}
              </button>
            </form>
          </section>
        </>
      )}
      <p class="mt-4">
        <a href={href(ctx, partsPath(place.kind, planId))}>{t.paBackToList(kindLabel)}</a>
      </p>
    </BackOfficePage>
  );
}

/** A read-only part: its fields as a list of label and value. */
function PartFacts(props: {
  ctx: PageContext;
  place: PartPlace;
  form: PartForm;
  row: Record<string, unknown>;
}) {
  const { ctx, place, form } = props;
  const t = ctx.t;
  return (
    <dl class="piano-facts">
      {fieldsOf(place.kind).flatMap((spec) => {
        if (spec.input.is === 'fixed') {
          return [
            <dt key={`${spec.name}-t`}>{fieldLabel(t, spec)}</dt>,
            <dd key={`${spec.name}-d`}>
              <Targets ctx={ctx} value={props.row[spec.prop]} />
            </dd>,
          ];
        }
        const subs = spec.input.is === 'object' ? spec.input.fields : [spec];
        return subs.flatMap((s) => [
          <dt key={`${s.name}-t`}>{fieldLabel(t, s)}</dt>,
          <dd key={`${s.name}-d`} class="piano-pre-line">
            {shown(ctx, place, s.name, form[s.name] ?? '')}
          </dd>,
        ]);
      })}
    </dl>
  );
}

function Targets({ ctx, value }: { ctx: PageContext; value: unknown }) {
  const targets = Array.isArray(value) ? (value as { year?: unknown; value?: unknown }[]) : [];
  if (targets.length === 0) return <>{ctx.t.paNoTargets}</>;
  return (
    <ul class="mb-0">
      {targets.map((x, i) => (
        <li key={i}>{ctx.t.paTargetLine(String(x.year ?? ''), String(x.value ?? ''))}</li>
      ))}
    </ul>
  );
}

/** The kind's fields as form controls, each with its message beside it. */
function PartFields(props: {
  ctx: PageContext;
  place: PartPlace;
  form: PartForm;
  errors: FieldErrors;
  row: Record<string, unknown> | null;
}) {
  const { ctx, place, errors, row } = props;
  return (
    <>
      {fieldsOf(place.kind).map((spec) => {
        if (spec.input.is === 'object') {
          return (
            <fieldset class="mb-3" key={spec.name}>
              <legend class="h6">{fieldLabel(ctx.t, spec)}</legend>
              {spec.input.fields.map((sub) => (
                <Control {...props} spec={sub} key={sub.name} />
              ))}
            </fieldset>
          );
        }
        if (spec.input.is === 'fixed') {
          if (!row) return null;
          return (
            <div class="piano-field" key={spec.name}>
              <p class="mb-1">
                <strong>{fieldLabel(ctx.t, spec)}</strong>
              </p>
              <p class="piano-hint">{ctx.t.paTargetsHint}</p>
              <Targets ctx={ctx} value={row[spec.prop]} />
            </div>
          );
        }
        return <Control {...props} spec={spec} key={spec.name} />;
      })}
      {errors[''] ? <p class="piano-field-error">{errors['']}</p> : null}
    </>
  );
}

function Control(props: {
  ctx: PageContext;
  place: PartPlace;
  form: PartForm;
  errors: FieldErrors;
  row: Record<string, unknown> | null;
  spec: FieldSpec;
}) {
  const { ctx, place, form, errors, spec, row } = props;
  const t = ctx.t;
  const { input } = spec;
  const value = form[spec.name] ?? '';
  const label = fieldLabel(t, spec);
  const planId = place.plan?.id ?? null;
  const hint =
    input.is === 'lines' ? (
      t.paLinesHint
    ) : input.is === 'targets' ? (
      t.paTargetsEditHint
    ) : input.is === 'number' && input.euro ? (
      t.paEuroHint
    ) : input.is === 'timing' ? (
      <>
        {t.boTimingHint}{' '}
        <span id={`field-${spec.name}-meaning`} aria-live="polite">
          <TimingDate ctx={ctx} timing={(row?.timing as TimingJson | null | undefined) ?? null} />
        </span>
      </>
    ) : undefined;
  return (
    <Field name={spec.name} label={label} errors={errors} hint={hint}>
      {(a) => {
        switch (input.is) {
          case 'textarea':
          case 'lines':
          case 'targets':
            return (
              <textarea
                {...a}
                class="form-control"
                rows={input.is === 'textarea' ? 4 : 3}
                maxLength={input.is === 'textarea' ? input.maxLength : undefined}
                required={spec.required}
              >
                {value}
              </textarea>
            );
          case 'date':
            return <input {...a} type="date" class="form-control" value={value} />;
          case 'number':
            return (
              <input
                {...a}
                type="number"
                class="form-control"
                value={value}
                step={input.step}
                min={input.min}
                max={input.max}
                required={spec.required}
              />
            );
          case 'enum':
            return (
              <select {...a} class="form-select">
                {spec.nullable ? <option value="">{t.paNoChoice}</option> : null}
                {input.values.map((v) => (
                  <option value={v} selected={v === value} key={v}>
                    {enumLabel(ctx, place.kind, spec.prop, v)}
                  </option>
                ))}
              </select>
            );
          case 'ref':
            return (
              <select {...a} class="form-select">
                <option value="" selected={value === ''}>
                  {t.paNoChoice}
                </option>
                {(place.options[input.part] ?? []).map((o) => (
                  <option value={o.id} selected={o.id === value} key={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            );
          case 'timing':
            return (
              <input
                {...a}
                type="text"
                class="form-control"
                value={value}
                maxLength={2000}
                data-timing-url={planId ? href(ctx, `${planEditPath(planId)}/tempi`) : undefined}
              />
            );
          case 'text':
            return (
              <input
                {...a}
                type={input.type as 'text'}
                class="form-control"
                value={value}
                maxLength={input.maxLength}
                required={spec.required}
              />
            );
          default:
            return null;
        }
      }}
    </Field>
  );
}
